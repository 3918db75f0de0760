import "server-only";
import type { CreateProjectInput } from "@/app/api/projects/schema";
import type { Executor } from "../db/client";
import { projects } from "../db/schema";
import { toProject } from "./to-project";

export async function createProject(db: Executor, input: { userId: string } & CreateProjectInput) {
  const [row] = await db
    .insert(projects)
    .values({
      userId: input.userId,
      name: input.name,
      description: input.description || null,
      budgetCents: input.budgetCents ?? null,
      ...(input.alertThresholds ? { alertThresholds: input.alertThresholds } : {}),
    })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return toProject(row);
}
