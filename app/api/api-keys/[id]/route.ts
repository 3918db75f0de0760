import { deleteApiKey } from "@/lib/server/api-keys/delete-api-key";
import { asUser } from "@/lib/server/db/rls";
import { ok, uuidParams, withUser } from "@/lib/server/http/route";

export const DELETE = withUser({ params: uuidParams }, async ({ user, params }) =>
  ok(await asUser(user.id, (tx) => deleteApiKey(tx, { userId: user.id, id: params.id })), "Key deleted."),
);
