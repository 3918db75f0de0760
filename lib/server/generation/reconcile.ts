import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { rowsOf } from "../db/client";
import { log } from "../log";

/**
 * Repair after a crash (or a lost database connection) between reserving budget and recording the outcome: a
 * generation still pending or processing with no provider job, untouched for `staleMinutes`, can no longer finish —
 * it is failed and its reservation returned to its project, all in one statement. Jobs with a provider id are left
 * to resume by polling. Runs at start-up and then every few minutes (a crash just before a restart leaves rows
 * that are not stale yet; a database outage leaves rows on a server that keeps running).
 */
export async function reconcileInterrupted(db: Db, staleMinutes = 15): Promise<number> {
  const result = await db.execute(sql`
    with stale as (
      select id, project_id, reserved_cents from public.generations
       where status in ('pending', 'processing') and provider_job_id is null
         and updated_at < now() - make_interval(mins => ${staleMinutes})
       for update skip locked
    ), failed as (
      update public.generations g
         set status = 'failed', error_message = 'Interrupted before its outcome was recorded (a server restart or a lost database connection); nothing was charged.',
             completed_at = now(), cost_cents = 0, reserved_cents = 0
        from stale where g.id = stale.id
      returning stale.project_id, stale.reserved_cents as released
    ), released as (
      update public.projects p set reserved_cents = trim_scale(greatest(p.reserved_cents - r.total, 0))
        from (select project_id, sum(released) as total from failed group by project_id) r
       where p.id = r.project_id
      returning p.id
    )
    select (select count(*) from failed)::int as n, (select count(*) from released)::int as projects`);
  const [row] = rowsOf<{ n: number; projects: number }>(result);
  if (row && row.n > 0) log.warn("reconciled interrupted generations", { generations: row.n, projects: row.projects });
  return row?.n ?? 0;
}
