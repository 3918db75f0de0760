import { listAlerts } from "@/lib/server/alerts/alerts";
import { asUser } from "@/lib/server/db/rls";
import { ok, withUser } from "@/lib/server/http/route";
import { listAlertsQuery } from "./schema";

export const GET = withUser({ query: listAlertsQuery }, async ({ user, query }) =>
  ok(await asUser(user.id, (tx) => listAlerts(tx, { userId: user.id, ...query }))),
);
