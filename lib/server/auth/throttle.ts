import "server-only";
import { inArray, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { loginThrottle } from "../db/schema";
import { AppError } from "../http/errors";

export type ThrottleRule = { key: string; limit: number; windowSeconds: number };

/** Refuses with 429 and Retry-After when any rule's key has reached its limit in the current window. */
export async function assertNotThrottled(db: Db, rules: ThrottleRule[], message: string): Promise<void> {
  const rows = await db
    .select()
    .from(loginThrottle)
    .where(
      inArray(
        loginThrottle.key,
        rules.map((r) => r.key),
      ),
    );
  const now = Date.now();
  let retryAfter = 0;
  for (const rule of rules) {
    const row = rows.find((r) => r.key === rule.key);
    if (!row) continue;
    const windowEnd = row.windowStartedAt.getTime() + rule.windowSeconds * 1000;
    if (windowEnd > now && row.failures >= rule.limit) {
      retryAfter = Math.max(retryAfter, Math.ceil((windowEnd - now) / 1000));
    }
  }
  if (retryAfter > 0) {
    throw new AppError(
      "RATE_LIMITED",
      message,
      { retryAfterSeconds: retryAfter },
      { "Retry-After": String(retryAfter) },
    );
  }
}

/** Counts one attempt against each rule's key, starting a new window when the old one has ended. Atomic per key. */
export async function recordAttempt(db: Db, rules: ThrottleRule[]): Promise<void> {
  for (const rule of rules) {
    const expired = sql`${loginThrottle.windowStartedAt} < now() - make_interval(secs => ${rule.windowSeconds})`;
    await db
      .insert(loginThrottle)
      .values({ key: rule.key, failures: 1 })
      .onConflictDoUpdate({
        target: loginThrottle.key,
        set: {
          failures: sql`case when ${expired} then 1 else ${loginThrottle.failures} + 1 end`,
          windowStartedAt: sql`case when ${expired} then now() else ${loginThrottle.windowStartedAt} end`,
        },
      });
  }
}

export async function clearAttempts(db: Db, keys: string[]): Promise<void> {
  await db.delete(loginThrottle).where(inArray(loginThrottle.key, keys));
}
