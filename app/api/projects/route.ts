import { asUser } from "@/lib/server/db/rls";
import { created, ok, withUser } from "@/lib/server/http/route";
import { createProject } from "@/lib/server/projects/create-project";
import { listProjects } from "@/lib/server/projects/list-projects";
import { createProjectSchema, listProjectsQuery } from "./schema";

export const GET = withUser({ query: listProjectsQuery }, async ({ user, query }) =>
  ok(await asUser(user.id, (tx) => listProjects(tx, { userId: user.id, ...query }))),
);

export const POST = withUser({ body: createProjectSchema }, async ({ user, body }) =>
  created(await asUser(user.id, (tx) => createProject(tx, { userId: user.id, ...body })), "Project created."),
);
