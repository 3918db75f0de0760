import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "../db/client";
import { projects } from "../db/schema";
import { AppError } from "../http/errors";
import { toProject } from "./to-project";

/** A project of the user's; another user's project is "not found", never "forbidden". */
export async function getProject(db: Executor, { userId, id }: { userId: string; id: string }) {
  const [row] = await db
    .select()
    .from(projects)
    .where(and(eq(projects.id, id), eq(projects.userId, userId)));
  if (!row) throw AppError.notFound("Project");
  return toProject(row);
}
