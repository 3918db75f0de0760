import "server-only";
import { sql } from "drizzle-orm";
import { durationBucket } from "@/lib/shared/histogram";
import type { Executor } from "../db/client";

export type RollupInput = {
  userId: string;
  projectId: string;
  provider: string;
  model: string;
  generationType: string;
  succeeded: boolean;
  tokens: number;
  costCents: string;
  durationMs: number;
};

/** Adds one generation attempt's outcome (and duration, if it completed) to its daily and monthly rollups (run in the same transaction as the outcome). */
export async function recordRollup(db: Executor, r: RollupInput): Promise<void> {
  // Only completed attempts count towards the duration percentiles.
  const bucket = String(durationBucket(r.durationMs));
  const histogram = r.succeeded ? JSON.stringify({ [bucket]: 1 }) : "{}";
  for (const period of ["daily", "monthly"] as const) {
    const start = period === "daily" ? sql`current_date` : sql`date_trunc('month', current_date)::date`;
    await db.execute(sql`
      insert into public.usage_analytics as u
        (user_id, project_id, period_type, period_start, provider, model, generation_type,
         request_count, success_count, failure_count, total_tokens, total_cost_cents, avg_duration_ms, duration_histogram)
      values (${r.userId}, ${r.projectId}, ${period}, ${start}, ${r.provider}, ${r.model}, ${r.generationType},
              1, ${r.succeeded ? 1 : 0}, ${r.succeeded ? 0 : 1}, ${r.tokens}, ${r.costCents}::numeric, ${r.durationMs},
              ${histogram}::jsonb)
      on conflict (user_id, project_id, period_type, period_start, provider, model, generation_type) do update set
        request_count = u.request_count + 1,
        success_count = u.success_count + excluded.success_count,
        failure_count = u.failure_count + excluded.failure_count,
        total_tokens = u.total_tokens + excluded.total_tokens,
        total_cost_cents = u.total_cost_cents + excluded.total_cost_cents,
        avg_duration_ms = round((coalesce(u.avg_duration_ms, 0) * u.request_count + excluded.avg_duration_ms) / (u.request_count + 1), 1),
        duration_histogram = ${
          r.succeeded
            ? sql`jsonb_set(u.duration_histogram, array[${bucket}::text],
                  to_jsonb(coalesce((u.duration_histogram ->> ${bucket}::text)::integer, 0) + 1))`
            : sql`u.duration_histogram`
        }`);
  }
}
