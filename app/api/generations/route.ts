import { asUser } from "@/lib/server/db/rls";
import { listGenerations } from "@/lib/server/generation/list-generations";
import { ok, withUser } from "@/lib/server/http/route";
import { listGenerationsQuery } from "./schema";

export const GET = withUser({ query: listGenerationsQuery }, async ({ user, query }) =>
  ok(await asUser(user.id, (tx) => listGenerations(tx, { userId: user.id, ...query }))),
);
