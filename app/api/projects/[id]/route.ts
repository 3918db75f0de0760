import { asUser } from "@/lib/server/db/rls";
import { ok, uuidParams, withUser } from "@/lib/server/http/route";
import { deleteProject } from "@/lib/server/projects/delete-project";
import { getProject } from "@/lib/server/projects/get-project";
import { updateProject } from "@/lib/server/projects/update-project";
import { updateProjectSchema } from "./schema";

export const GET = withUser({ params: uuidParams }, async ({ user, params }) =>
  ok(await asUser(user.id, (tx) => getProject(tx, { userId: user.id, id: params.id }))),
);

export const PUT = withUser({ params: uuidParams, body: updateProjectSchema }, async ({ user, params, body }) =>
  ok(await asUser(user.id, (tx) => updateProject(tx, { userId: user.id, id: params.id, ...body })), "Project updated."),
);

export const DELETE = withUser({ params: uuidParams }, async ({ user, params }) =>
  ok(await asUser(user.id, (tx) => deleteProject(tx, { userId: user.id, id: params.id })), "Project deleted."),
);
