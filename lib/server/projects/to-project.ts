import "server-only";
import type { ProjectRow } from "../db/schema";

/** The API's view of a project row: money as exact decimal strings of cents, dates as ISO strings. */
export function toProject(row: ProjectRow) {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    thumbnailUrl: row.thumbnailUrl,
    budgetCents: row.budgetCents,
    spentCents: row.spentCents,
    reservedCents: row.reservedCents,
    alertThresholds: row.alertThresholds,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type Project = ReturnType<typeof toProject>;
