// `npm run keys:rotate`: re-encrypts every stored API key under the current master key.
//
// Self-hosted / Supabase: set ENCRYPTION_MASTER_KEY to the new key and ENCRYPTION_MASTER_KEY_PREVIOUS to the old
// one (the app keeps working: both decrypt), run this, then remove ENCRYPTION_MASTER_KEY_PREVIOUS.
// Embedded mode (stop the app first — PGlite is single-process): with no ENCRYPTION_MASTER_KEY set, this
// generates a new .data/master.key, keeps the old one in .data/master.key.previous, and re-encrypts.
import { randomBytes } from "node:crypto";
import { appendFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { getConfig, loadKeyring, loadMasterKey } from "@/lib/server/config";
import { openPglite, openPostgres } from "@/lib/server/db/client";
import { migrate } from "@/lib/server/db/migrate";
import { rotateApiKeys } from "@/lib/server/vault/rotate";

const config = getConfig();
if (config.masterKey.source === "file") {
  const file = config.masterKey.path as string;
  const old = loadMasterKey(config);
  appendFileSync(`${file}.previous`, `${old.toString("base64")}\n`, { mode: 0o600 });
  writeFileSync(`${file}.new`, `${randomBytes(32).toString("base64")}\n`, { mode: 0o600 });
  renameSync(`${file}.new`, file);
  console.log(`[atelier] new master key in ${file}; the old one is kept in ${path.basename(file)}.previous`);
}
const keyring = loadKeyring(config);
const database =
  config.mode === "embedded"
    ? await openPglite(path.join(config.dataDir, "db"))
    : openPostgres(config.databaseUrl as string, { max: 1, prepare: config.mode !== "supabase" });
try {
  if (config.mode === "embedded") await migrate(database, { bootstrap: true });
  const report = await rotateApiKeys(database.db, keyring);
  console.log(
    `[atelier] rotated ${report.rotated}, already current ${report.alreadyCurrent}, failed ${report.failed.length}`,
  );
  for (const f of report.failed) {
    console.error(`[atelier] could not decrypt key ${f.id} (user ${f.userId}, ${f.provider}): ${f.reason}`);
  }
  process.exitCode = report.failed.length > 0 ? 2 : 0;
} finally {
  await database.close();
}
