import { listAssets } from "@/lib/server/assets/assets";
import { asUser } from "@/lib/server/db/rls";
import { ok, withUser } from "@/lib/server/http/route";
import { listAssetsQuery } from "./schema";

export const GET = withUser({ query: listAssetsQuery }, async ({ user, query }) =>
  ok(await asUser(user.id, (tx) => listAssets(tx, { userId: user.id, ...query }))),
);
