import "server-only";
import { sql } from "drizzle-orm";
import { compare, dec, mul, shift, sub, toDecimalString } from "@/lib/shared/decimal";
import type { Executor } from "../db/client";
import { rowsOf } from "../db/client";

/**
 * Reserves an estimate in one statement: it succeeds only if spent + reserved + estimate stays within the budget
 * (no budget: always), so concurrent generations can never overspend. False when it would not fit.
 */
export async function reserveBudget(
  db: Executor,
  { projectId, cents }: { projectId: string; cents: string },
): Promise<boolean> {
  const result = await db.execute(sql`
    update public.projects set reserved_cents = trim_scale(reserved_cents + ${cents}::numeric)
    where id = ${projectId} and archived_at is null
      and (budget_cents is null or spent_cents + reserved_cents + ${cents}::numeric <= budget_cents)
    returning id`);
  return rowsOf(result).length === 1;
}

export type Settlement = { spentCents: string; budgetCents: string | null; crossed: number[] };

/**
 * Releases a reservation and adds the actual cost, in one statement, then raises an alert for each threshold the
 * spend crossed — once each, however many settlements race (a unique index backs the `on conflict do nothing`).
 */
export async function settleBudget(
  db: Executor,
  {
    projectId,
    userId,
    reservedCents,
    actualCents,
  }: { projectId: string; userId: string; reservedCents: string; actualCents: string },
): Promise<Settlement> {
  const result = await db.execute(sql`
    update public.projects
       set reserved_cents = trim_scale(greatest(reserved_cents - ${reservedCents}::numeric, 0)),
           spent_cents = trim_scale(spent_cents + ${actualCents}::numeric)
     where id = ${projectId}
     returning spent_cents::text as spent, budget_cents::text as budget, alert_thresholds as thresholds`);
  const [row] = rowsOf<{ spent: string; budget: string | null; thresholds: number[] }>(result);
  if (!row) return { spentCents: "0", budgetCents: null, crossed: [] };
  const crossed: number[] = [];
  if (row.budget && compare(dec(row.budget), dec(0)) > 0 && compare(dec(actualCents), dec(0)) > 0) {
    const after = dec(row.spent);
    const before = sub(after, dec(actualCents));
    for (const percent of row.thresholds) {
      const line = shift(mul(dec(row.budget), dec(percent)), -2);
      if (compare(before, line) < 0 && compare(after, line) >= 0) crossed.push(percent);
    }
    for (const percent of crossed) {
      await db.execute(sql`
        insert into public.budget_alerts
          (user_id, project_id, alert_type, threshold_percent, threshold_cents, budget_cents, current_spend_cents, metadata)
        values (${userId}, ${projectId}, ${percent >= 100 ? "budget_exceeded" : "threshold_reached"}, ${percent},
                ${toDecimalString(shift(mul(dec(row.budget), dec(percent)), -2))}::numeric, ${row.budget}::numeric,
                ${row.spent}::numeric, ${JSON.stringify({ percent })}::jsonb)
        on conflict (project_id, threshold_percent, budget_cents) do nothing`);
    }
  }
  return { spentCents: row.spent, budgetCents: row.budget, crossed };
}
