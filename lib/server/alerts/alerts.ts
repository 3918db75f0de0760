import "server-only";
import { and, desc, eq, isNull, type SQL } from "drizzle-orm";
import type { Executor } from "../db/client";
import { budgetAlerts, projects } from "../db/schema";
import { AppError } from "../http/errors";

export async function listAlerts(
  db: Executor,
  q: { userId: string; projectId?: string; unacknowledged?: "true" | "false" },
) {
  const filters: (SQL | undefined)[] = [
    eq(budgetAlerts.userId, q.userId),
    q.projectId ? eq(budgetAlerts.projectId, q.projectId) : undefined,
    q.unacknowledged === "true" ? isNull(budgetAlerts.acknowledgedAt) : undefined,
  ];
  const rows = await db
    .select({ alert: budgetAlerts, projectName: projects.name })
    .from(budgetAlerts)
    .innerJoin(projects, eq(projects.id, budgetAlerts.projectId))
    .where(and(...filters))
    .orderBy(desc(budgetAlerts.triggeredAt))
    .limit(200);
  return rows.map(({ alert, projectName }) => ({
    id: alert.id,
    projectId: alert.projectId,
    projectName,
    type: alert.alertType,
    thresholdPercent: alert.thresholdPercent,
    thresholdCents: alert.thresholdCents,
    budgetCents: alert.budgetCents,
    currentSpendCents: alert.currentSpendCents,
    triggeredAt: alert.triggeredAt.toISOString(),
    acknowledgedAt: alert.acknowledgedAt?.toISOString() ?? null,
  }));
}

export async function acknowledgeAlert(db: Executor, { userId, id }: { userId: string; id: string }) {
  const [row] = await db
    .update(budgetAlerts)
    .set({ acknowledgedAt: new Date() })
    .where(and(eq(budgetAlerts.id, id), eq(budgetAlerts.userId, userId)))
    .returning({ id: budgetAlerts.id, acknowledgedAt: budgetAlerts.acknowledgedAt });
  if (!row) throw AppError.notFound("Alert");
  return { id: row.id, acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null };
}
