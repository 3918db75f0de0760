import "server-only";
import { sql } from "drizzle-orm";
import type { AnalyticsQuery } from "@/app/api/analytics/schema";
import { histogramQuantile, mergeHistograms } from "@/lib/shared/histogram";
import type { Executor } from "../db/client";
import { rowsOf } from "../db/client";

const GROUP_COLUMN = {
  day: sql`to_char(u.period_start, 'YYYY-MM-DD')`,
  project: sql`coalesce(p.name, 'Deleted project')`,
  provider: sql`u.provider`,
  model: sql`u.model`,
  type: sql`u.generation_type`,
} as const;

function range(q: AnalyticsQuery) {
  const to = q.to ?? new Date().toISOString().slice(0, 10);
  const from = q.from ?? new Date(Date.parse(to) - 29 * 86_400_000).toISOString().slice(0, 10);
  return { from, to };
}

/** Totals from the daily rollups (never the raw generations), grouped as asked; amounts exact, as strings. */
export async function rollupReport(db: Executor, q: { userId: string } & AnalyticsQuery) {
  const { from, to } = range(q);
  const key = GROUP_COLUMN[q.groupBy];
  const project = q.projectId ? sql`and u.project_id = ${q.projectId}` : sql``;
  const result = await db.execute(sql`
    select ${key} as key, ${q.groupBy === "day" ? sql`u.provider` : sql`null`} as provider,
           sum(u.request_count)::int as requests, sum(u.success_count)::int as successes,
           sum(u.failure_count)::int as failures, sum(u.total_tokens)::text as tokens,
           trim_scale(sum(u.total_cost_cents))::text as cost_cents
      from public.usage_analytics u
      left join public.projects p on p.id = u.project_id
     where u.user_id = ${q.userId} and u.period_type = 'daily'
       and u.period_start between ${from}::date and ${to}::date ${project}
     group by 1, 2
     order by 1, 2`);
  const groups = rowsOf<{
    key: string;
    provider: string | null;
    requests: number;
    successes: number;
    failures: number;
    tokens: string;
    cost_cents: string;
  }>(result);
  const totals = rowsOf<{ requests: number; cost_cents: string | null; tokens: string | null }>(
    await db.execute(sql`
      select coalesce(sum(request_count), 0)::int as requests, trim_scale(coalesce(sum(total_cost_cents), 0))::text as cost_cents,
             coalesce(sum(total_tokens), 0)::text as tokens
        from public.usage_analytics u
       where u.user_id = ${q.userId} and u.period_type = 'daily'
         and u.period_start between ${from}::date and ${to}::date ${project}`),
  )[0];
  return {
    from,
    to,
    groupBy: q.groupBy,
    totals: { requests: totals?.requests ?? 0, costCents: totals?.cost_cents ?? "0", tokens: totals?.tokens ?? "0" },
    groups: groups.map((g) => ({
      key: g.key,
      ...(q.groupBy === "day" ? { provider: g.provider } : {}),
      requests: g.requests,
      successes: g.successes,
      failures: g.failures,
      tokens: g.tokens,
      costCents: g.cost_cents,
    })),
  };
}

/**
 * Provider comparison per generation type, from the daily rollups (never the raw generations): attempts, success
 * rate, p50/p95 duration of completed attempts (from the rollups' duration histograms, within 10 % of exact) and the
 * average cost per successful generation (what failed attempts were charged, e.g. cut streams, included).
 */
export async function providerComparison(db: Executor, q: { userId: string } & AnalyticsQuery) {
  const { from, to } = range(q);
  const project = q.projectId ? sql`and u.project_id = ${q.projectId}` : sql``;
  const result = await db.execute(sql`
    with rows as (
      select u.provider, u.generation_type as type, u.request_count, u.success_count, u.total_cost_cents,
             u.duration_histogram
        from public.usage_analytics u
       where u.user_id = ${q.userId} and u.period_type = 'daily' and u.provider is not null
         and u.period_start between ${from}::date and ${to}::date ${project}
    )
    select r.provider, r.type, sum(r.request_count)::int as requests, sum(r.success_count)::int as successes,
           trim_scale(round(sum(r.total_cost_cents) / nullif(sum(r.success_count), 0), 10))::text as avg_cost_cents,
           (select coalesce(jsonb_object_agg(b.key, b.n), '{}'::jsonb)
              from (select h.key, sum(h.value::integer) as n
                      from rows r2, jsonb_each_text(r2.duration_histogram) h
                     where r2.provider = r.provider and r2.type is not distinct from r.type
                     group by h.key) b) as histogram
      from rows r
     group by 1, 2
     order by 1, 2`);
  return {
    from,
    to,
    providers: rowsOf<{
      provider: string;
      type: string;
      requests: number;
      successes: number;
      avg_cost_cents: string | null;
      histogram: Record<string, number> | string;
    }>(result).map((r) => {
      const histogram = mergeHistograms([typeof r.histogram === "string" ? JSON.parse(r.histogram) : r.histogram]);
      const p50 = histogramQuantile(histogram, 0.5);
      const p95 = histogramQuantile(histogram, 0.95);
      return {
        provider: r.provider,
        type: r.type,
        requests: r.requests,
        successRate: r.requests ? r.successes / r.requests : 0,
        p50Ms: p50 == null ? null : Math.round(p50),
        p95Ms: p95 == null ? null : Math.round(p95),
        avgCostCents: r.successes ? r.avg_cost_cents : null,
      };
    }),
  };
}
