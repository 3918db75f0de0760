import { rollupReport } from "@/lib/server/analytics/analytics";
import { asUser } from "@/lib/server/db/rls";
import { ok, withUser } from "@/lib/server/http/route";
import { analyticsQuery } from "../schema";

export const GET = withUser({ query: analyticsQuery }, async ({ user, query }) =>
  ok(await asUser(user.id, (tx) => rollupReport(tx, { userId: user.id, ...query }))),
);
