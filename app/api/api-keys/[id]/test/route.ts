import { retestApiKey } from "@/lib/server/api-keys/retest-api-key";
import { ok, uuidParams, withUser } from "@/lib/server/http/route";

export const POST = withUser({ params: uuidParams }, async ({ user, params }) =>
  ok(await retestApiKey(user, params.id)),
);
