import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { ProviderId } from "@/lib/shared/providers";
import type { Executor } from "../db/client";
import { userApiKeys } from "../db/schema";
import { decryptRow } from "./open-api-key";

/**
 * The key a generation should use for a provider — working keys first, then unchecked ones, newest first —
 * decrypted, with its last_used_at stamped. Null when the user has no usable key for that provider.
 */
export async function acquireApiKey(
  db: Executor,
  { userId, provider }: { userId: string; provider: ProviderId },
): Promise<{ id: string; apiKey: string } | null> {
  const [row] = await db
    .select()
    .from(userApiKeys)
    .where(
      and(
        eq(userApiKeys.userId, userId),
        eq(userApiKeys.provider, provider),
        eq(userApiKeys.isActive, true),
        sql`${userApiKeys.status} <> 'failing'`,
      ),
    )
    .orderBy(sql`case ${userApiKeys.status} when 'working' then 0 else 1 end`, desc(userApiKeys.createdAt))
    .limit(1);
  if (!row) return null;
  const apiKey = await decryptRow(row);
  await db.update(userApiKeys).set({ lastUsedAt: new Date() }).where(eq(userApiKeys.id, row.id));
  return { id: row.id, apiKey };
}
