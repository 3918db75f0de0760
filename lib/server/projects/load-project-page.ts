import "server-only";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requirePageUser } from "../auth/page-user";
import { asUser } from "../db/rls";
import { AppError } from "../http/errors";
import { getProject } from "./get-project";

/** A project page's project: signed-out visitors go to /login; malformed ids and others' projects are 404. */
export async function loadProjectForPage(id: string) {
  const user = await requirePageUser();
  if (!z.uuid().safeParse(id).success) notFound();
  try {
    return await asUser(user.id, (tx) => getProject(tx, { userId: user.id, id }));
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
