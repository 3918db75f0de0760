import "server-only";
import { sql } from "drizzle-orm";
import type { AnalyticsQuery } from "@/app/api/analytics/schema";
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

/** Provider comparison per generation type: requests, success rate, p50/p95 duration and average cost. */
export async function providerComparison(db: Executor, q: { userId: string } & AnalyticsQuery) {
  const { from, to } = range(q);
  const project = q.projectId ? sql`and g.project_id = ${q.projectId}` : sql``;
  const result = await db.execute(sql`
    select g.provider, g.generation_type as type, count(*)::int as requests,
           count(*) filter (where g.status = 'completed')::int as successes,
           percentile_cont(0.5) within group (order by g.duration_ms) filter (where g.status = 'completed') as p50_ms,
           percentile_cont(0.95) within group (order by g.duration_ms) filter (where g.status = 'completed') as p95_ms,
           trim_scale(round(avg(g.cost_cents) filter (where g.status = 'completed'), 10))::text as avg_cost_cents
      from public.generations g
     where g.user_id = ${q.userId}
       and g.created_at >= ${from}::date and g.created_at < ${to}::date + 1 ${project}
       and g.status in ('completed', 'failed')
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
      p50_ms: number | null;
      p95_ms: number | null;
      avg_cost_cents: string | null;
    }>(result).map((r) => ({
      provider: r.provider,
      type: r.type,
      requests: r.requests,
      successRate: r.requests ? r.successes / r.requests : 0,
      p50Ms: r.p50_ms == null ? null : Math.round(Number(r.p50_ms)),
      p95Ms: r.p95_ms == null ? null : Math.round(Number(r.p95_ms)),
      avgCostCents: r.avg_cost_cents,
    })),
  };
}
