import "server-only";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { PROVIDER_IDS } from "@/lib/shared/providers";
import type { AuthUser } from "../auth/types";
import { asService, asUser } from "../db/rls";
import { isCircuitOpen, loadHealth } from "../generation/health";
import { getStorage } from "../storage";

async function timed(work: () => Promise<unknown>): Promise<{ ok: boolean; latencyMs: number }> {
  const started = performance.now();
  try {
    await Promise.race([work(), new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 3000))]);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch {
    return { ok: false, latencyMs: Math.round(performance.now() - started) };
  }
}

/** Database and storage round trips, and — for a signed-in user — each provider's circuit state. */
export async function checkHealth(user: AuthUser | null) {
  const database = await timed(() => asService((db) => db.execute(sql`select 1`)));
  const storage = await timed(async () => {
    const path = `_health/${randomUUID()}.txt`;
    const s = getStorage();
    await s.put(path, new TextEncoder().encode("ok"), "text/plain");
    const back = await s.get(path);
    await s.delete(path);
    if (!back || new TextDecoder().decode(back) !== "ok") throw new Error("storage read back wrong bytes");
  });
  let providers:
    | {
        provider: string;
        circuit: "closed" | "open" | "half-open";
        failureCount: number;
        avgResponseTimeMs: number | null;
      }[]
    | undefined;
  if (user && database.ok) {
    const rows = await asUser(user.id, (tx) => loadHealth(tx, user.id));
    providers = PROVIDER_IDS.map((provider) => {
      const row = rows.find((r) => r.provider === provider);
      const circuit = row?.status !== "down" ? "closed" : isCircuitOpen(row) ? "open" : "half-open";
      return {
        provider,
        circuit,
        failureCount: row?.failureCount ?? 0,
        avgResponseTimeMs: row?.avgResponseTimeMs == null ? null : Math.round(Number(row.avgResponseTimeMs)),
      };
    });
  }
  const status = database.ok && storage.ok ? ("ok" as const) : ("degraded" as const);
  return { status, database, storage, ...(providers ? { providers } : {}) };
}
