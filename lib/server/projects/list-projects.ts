import "server-only";
import { and, desc, eq, isNotNull, isNull } from "drizzle-orm";
import type { ListProjectsQuery } from "@/app/api/projects/schema";
import type { Executor } from "../db/client";
import { projects } from "../db/schema";
import { toProject } from "./to-project";

export async function listProjects(db: Executor, { userId, archived }: { userId: string } & ListProjectsQuery) {
  const archivedFilter =
    archived === "all" ? undefined : archived === "true" ? isNotNull(projects.archivedAt) : isNull(projects.archivedAt);
  const rows = await db
    .select()
    .from(projects)
    .where(and(eq(projects.userId, userId), archivedFilter))
    .orderBy(desc(projects.createdAt));
  return rows.map(toProject);
}
