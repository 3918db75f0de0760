import "server-only";
import { sql } from "drizzle-orm";
import type { Executor } from "../db/client";
import { rowsOf } from "../db/client";

export const RATE_LIMIT_WINDOW_SECONDS = 60;

/**
 * Counts a request against the user's per-provider window (one atomic upsert, so it holds across instances).
 * Returns how long to wait when the window is full.
 */
export async function takeRateLimit(
  db: Executor,
  { userId, provider, limit }: { userId: string; provider: string; limit: number },
): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
  const result = await db.execute(sql`
    insert into public.rate_limit_windows as w (user_id, provider, window_start, request_count)
    values (${userId}, ${provider}, to_timestamp(floor(extract(epoch from now()) / ${RATE_LIMIT_WINDOW_SECONDS}) * ${RATE_LIMIT_WINDOW_SECONDS}), 1)
    on conflict (user_id, provider, window_start) do update set request_count = w.request_count + 1
    returning request_count, extract(epoch from (window_start + make_interval(secs => ${RATE_LIMIT_WINDOW_SECONDS}) - now()))::float8 as remaining`);
  const [row] = rowsOf<{ request_count: number; remaining: number }>(result);
  if (!row || row.request_count <= limit) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(row.remaining)) };
}
