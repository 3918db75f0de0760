import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { ProviderErrorKind } from "@/providers/errors";
import type { Executor } from "../db/client";
import { providerHealth } from "../db/schema";

// The circuit opens after this many failures in a row, and half-opens (lets one call through) after the cool-down.
export const CIRCUIT_FAILURE_THRESHOLD = 3;
export const CIRCUIT_COOLDOWN_SECONDS = 30;
// Failures that say the provider is unwell; a refused prompt or a bad key says nothing about its health.
const HEALTH_FAILURES = new Set<ProviderErrorKind>(["unavailable", "timeout"]);

type HealthRow = typeof providerHealth.$inferSelect;

/** Open circuit: down, and the last failure is more recent than the cool-down. */
export function isCircuitOpen(row: HealthRow | undefined, now = new Date()): boolean {
  if (row?.status !== "down" || !row.lastFailureAt) return false;
  return now.getTime() - row.lastFailureAt.getTime() < CIRCUIT_COOLDOWN_SECONDS * 1000;
}

export async function loadHealth(db: Executor, userId: string): Promise<HealthRow[]> {
  return db.select().from(providerHealth).where(eq(providerHealth.userId, userId));
}

/** A success closes the circuit and folds the response time into a moving average. One atomic upsert. */
export async function recordSuccess(db: Executor, userId: string, provider: string, durationMs: number) {
  await db
    .insert(providerHealth)
    .values({
      userId,
      provider,
      status: "healthy",
      lastSuccessAt: new Date(),
      failureCount: 0,
      avgResponseTimeMs: String(durationMs),
    })
    .onConflictDoUpdate({
      target: [providerHealth.provider, providerHealth.userId],
      set: {
        status: "healthy",
        failureCount: 0,
        lastSuccessAt: sql`now()`,
        errorMessage: null,
        checkedAt: sql`now()`,
        avgResponseTimeMs: sql`round(coalesce(${providerHealth.avgResponseTimeMs} * 0.8 + ${durationMs} * 0.2, ${durationMs}), 1)`,
      },
    });
}

/** A failure that reflects on the provider counts toward opening its circuit (shared by every instance). */
export async function recordFailure(
  db: Executor,
  userId: string,
  provider: string,
  kind: ProviderErrorKind,
  message: string,
) {
  if (!HEALTH_FAILURES.has(kind)) return;
  const failures = sql`${providerHealth.failureCount} + 1`;
  await db
    .insert(providerHealth)
    .values({ userId, provider, status: "degraded", lastFailureAt: new Date(), failureCount: 1, errorMessage: message })
    .onConflictDoUpdate({
      target: [providerHealth.provider, providerHealth.userId],
      set: {
        failureCount: failures,
        status: sql`case when ${failures} >= ${CIRCUIT_FAILURE_THRESHOLD} then 'down' else 'degraded' end`,
        lastFailureAt: sql`now()`,
        errorMessage: message.slice(0, 500),
        checkedAt: sql`now()`,
      },
    });
}

export async function healthOf(db: Executor, userId: string, provider: string) {
  const [row] = await db
    .select()
    .from(providerHealth)
    .where(and(eq(providerHealth.userId, userId), eq(providerHealth.provider, provider)));
  return row;
}
