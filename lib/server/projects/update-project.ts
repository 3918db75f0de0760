import "server-only";
import { and, eq } from "drizzle-orm";
import type { UpdateProjectInput } from "@/app/api/projects/[id]/schema";
import type { Executor } from "../db/client";
import { projects } from "../db/schema";
import { AppError } from "../http/errors";
import { toProject } from "./to-project";

export async function updateProject(db: Executor, input: { userId: string; id: string } & UpdateProjectInput) {
  const { userId, id, archived, ...fields } = input;
  const [row] = await db
    .update(projects)
    .set({
      ...(fields.name !== undefined ? { name: fields.name } : {}),
      ...(fields.description !== undefined ? { description: fields.description || null } : {}),
      ...(fields.budgetCents !== undefined ? { budgetCents: fields.budgetCents } : {}),
      ...(fields.alertThresholds !== undefined ? { alertThresholds: fields.alertThresholds } : {}),
      ...(archived !== undefined ? { archivedAt: archived ? new Date() : null } : {}),
    })
    .where(and(eq(projects.id, id), eq(projects.userId, userId)))
    .returning();
  if (!row) throw AppError.notFound("Project");
  return toProject(row);
}
