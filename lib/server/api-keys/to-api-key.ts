import "server-only";
import type { userApiKeys } from "../db/schema";

type Row = typeof userApiKeys.$inferSelect;

/** What the API says about a stored key: never the key, only its masked hint. */
export function toApiKey(row: Row) {
  return {
    id: row.id,
    provider: row.provider,
    name: row.keyName,
    hint: row.keyHint,
    status: row.status,
    statusMessage: row.statusMessage,
    lastCheckedAt: row.lastCheckedAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
export type ApiKey = ReturnType<typeof toApiKey>;
