import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "../db/client";
import { projects } from "../db/schema";
import { AppError } from "../http/errors";

/** Deletes a project and, by cascade, its generations, assets, rollups and alerts. */
export async function deleteProject(db: Executor, { userId, id }: { userId: string; id: string }) {
  const [row] = await db
    .delete(projects)
    .where(and(eq(projects.id, id), eq(projects.userId, userId)))
    .returning({ id: projects.id });
  if (!row) throw AppError.notFound("Project");
  return { id: row.id };
}
