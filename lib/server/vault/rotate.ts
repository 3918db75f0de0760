import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { userApiKeys } from "../db/schema";
import { type Keyring, keyId } from "./keyring";
import { openApiKey, sealApiKey, sealedKeyId, VaultDecryptionError } from "./vault";

export type RotationReport = {
  rotated: number;
  alreadyCurrent: number;
  failed: { id: string; userId: string; provider: string; reason: string }[];
};

/**
 * Re-encrypts every stored key under the keyring's current master key (service path: all users).
 * A row that cannot be decrypted is reported and left as it is, never dropped.
 */
export async function rotateApiKeys(db: Db, keyring: Keyring): Promise<RotationReport> {
  const report: RotationReport = { rotated: 0, alreadyCurrent: 0, failed: [] };
  const currentId = keyId(keyring.current);
  const rows = await db.select().from(userApiKeys);
  for (const row of rows) {
    if (sealedKeyId(row) === currentId) {
      report.alreadyCurrent++;
      continue;
    }
    const owner = { userId: row.userId, provider: row.provider };
    try {
      const plaintext = await openApiKey(row, owner, keyring);
      const sealed = await sealApiKey(plaintext, owner, keyring.current);
      await db.update(userApiKeys).set(sealed).where(eq(userApiKeys.id, row.id));
      report.rotated++;
    } catch (error) {
      if (!(error instanceof VaultDecryptionError)) throw error;
      report.failed.push({ id: row.id, userId: row.userId, provider: row.provider, reason: error.reason });
    }
  }
  return report;
}
