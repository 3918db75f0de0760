import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "../db/client";
import { userApiKeys } from "../db/schema";
import { AppError } from "../http/errors";
import { getKeyring } from "../vault";
import { openApiKey } from "../vault/vault";

type Row = typeof userApiKeys.$inferSelect;

/** Decrypts a stored key row (throws VaultDecryptionError on any tampering). Server-side only, never logged. */
export function decryptRow(row: Row): Promise<string> {
  return openApiKey(row, { userId: row.userId, provider: row.provider }, getKeyring());
}

export async function loadApiKeyRow(db: Executor, { userId, id }: { userId: string; id: string }): Promise<Row> {
  const [row] = await db
    .select()
    .from(userApiKeys)
    .where(and(eq(userApiKeys.id, id), eq(userApiKeys.userId, userId)));
  if (!row) throw AppError.notFound("API key");
  return row;
}
