// `npm run db:migrate`: applies supabase/migrations (and, off Supabase, the compat bootstrap) to DATABASE_URL.
import { getConfig } from "@/lib/server/config";
import { openPostgres } from "@/lib/server/db/client";
import { migrate } from "@/lib/server/db/migrate";

const config = getConfig();
if (!config.databaseUrl) {
  console.error("[atelier] DATABASE_URL is not set: embedded mode migrates its own database at start.");
  process.exit(1);
}
const database = openPostgres(config.databaseUrl, { max: 1, prepare: config.mode !== "supabase" });
try {
  const applied = await migrate(database, { bootstrap: config.mode !== "supabase" });
  console.log(applied.length ? `[atelier] applied ${applied.join(", ")}` : "[atelier] database is up to date");
} finally {
  await database.close();
}
