import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/server/db/client";
import { recordRollup } from "@/lib/server/generation/rollups";
import { durationBucket, histogramQuantile, mergeHistograms } from "@/lib/shared/histogram";
import { createUser, useTestDatabase } from "../support/db";

let database: Database;
beforeAll(async () => {
  database = await useTestDatabase();
});
afterAll(() => database.close());

/** A repeatable spread of durations: log-normal-ish, 5 ms to a few minutes. */
function durations(n: number, seed = 7): number[] {
  let x = seed;
  const next = () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x / 2 ** 31;
  };
  return Array.from({ length: n }, () => Math.round(5 * Math.exp(next() * 6 + next() * 4)));
}

const exactQuantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] as number;
};

describe("duration histograms", () => {
  it("bucket the same way in TypeScript and in SQL", async () => {
    const values = [0, 0.4, 1, 1.09, 1.1, 2, 9.99, 10, 999, 1000, 1051, 60_000, 3_600_000];
    const [row] = await database.raw.query<{ buckets: number[] }>(
      "select array_agg(public.duration_bucket(v::numeric) order by i) as buckets from unnest($1::float8[]) with ordinality as t(v, i)",
      [values],
    );
    expect(row?.buckets).toEqual(values.map(durationBucket));
  });

  it("give p50 and p95 within 10 % of the exact values", () => {
    const values = durations(10_000);
    const histogram = mergeHistograms([
      Object.fromEntries(
        [...values.reduce((m, v) => m.set(durationBucket(v), (m.get(durationBucket(v)) ?? 0) + 1), new Map())].map(
          ([b, n]) => [String(b), n],
        ),
      ),
    ]);
    for (const q of [0.5, 0.95, 0.99]) {
      const estimate = histogramQuantile(histogram, q) as number;
      const exact = exactQuantile(values, q);
      expect(Math.abs(estimate - exact) / exact, `q=${q}: ${estimate} vs ${exact}`).toBeLessThanOrEqual(0.1);
    }
    expect(histogramQuantile(new Map(), 0.5)).toBeNull();
  });

  it("the migration's backfill rebuilds exactly what the live rollups recorded", async () => {
    const user = await createUser(database);
    const [project] = await database.raw.query<{ id: string }>(
      "insert into public.projects (user_id, name) values ($1, 'Histograms') returning id",
      [user.id],
    );
    const projectId = project?.id as string;
    const values = durations(200, 11);
    for (const [i, ms] of values.entries()) {
      const succeeded = i % 10 !== 0;
      const provider = i % 2 ? "openai" : "anthropic";
      await database.raw.query(
        `insert into public.generations (project_id, user_id, provider, model, generation_type, prompt, status, cost_cents, duration_ms)
         values ($1, $2, $3, 'm', 'text', 'p', $4, 0, $5)`,
        [projectId, user.id, provider, succeeded ? "completed" : "failed", ms],
      );
      await recordRollup(database.db, {
        userId: user.id,
        projectId,
        provider,
        model: "m",
        generationType: "text",
        succeeded,
        tokens: 0,
        costCents: "0",
        durationMs: ms,
      });
    }
    const snapshot = () =>
      database.raw.query<{ key: string; histogram: Record<string, number> }>(
        `select period_type || ':' || provider as key, duration_histogram as histogram
           from public.usage_analytics where project_id = $1 order by 1`,
        [projectId],
      );
    const live = await snapshot();
    expect(live).toHaveLength(4); // daily and monthly, two providers
    const completed = values.filter((_, i) => i % 10 !== 0).length;
    const counted = live
      .filter((r) => r.key.startsWith("daily"))
      .reduce((n, r) => n + Object.values(r.histogram).reduce((a, b) => a + Number(b), 0), 0);
    expect(counted).toBe(completed);

    await database.raw.query("update public.usage_analytics set duration_histogram = '{}' where project_id = $1", [
      projectId,
    ]);
    const sql = readFileSync("supabase/migrations/20261127000300_duration_histograms.sql", "utf8");
    await database.raw.exec(sql.slice(sql.indexOf("update public.usage_analytics u")));
    expect(await snapshot()).toEqual(live);
  });
});
