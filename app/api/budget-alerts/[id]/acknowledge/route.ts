import { acknowledgeAlert } from "@/lib/server/alerts/alerts";
import { asUser } from "@/lib/server/db/rls";
import { ok, uuidParams, withUser } from "@/lib/server/http/route";

export const POST = withUser({ params: uuidParams }, async ({ user, params }) =>
  ok(await asUser(user.id, (tx) => acknowledgeAlert(tx, { userId: user.id, id: params.id })), "Acknowledged."),
);
