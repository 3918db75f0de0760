import { addApiKey } from "@/lib/server/api-keys/add-api-key";
import { listApiKeys } from "@/lib/server/api-keys/list-api-keys";
import { asUser } from "@/lib/server/db/rls";
import { created, ok, withUser } from "@/lib/server/http/route";
import { addApiKeySchema } from "./schema";

export const GET = withUser({}, async ({ user }) =>
  ok(await asUser(user.id, (tx) => listApiKeys(tx, { userId: user.id }))),
);

export const POST = withUser({ body: addApiKeySchema, maxBodyBytes: 8 * 1024 }, async ({ user, body }) => {
  const key = await addApiKey(user, body);
  return created(key, key.status === "working" ? "Key saved and working." : "Key saved, marked as failing.");
});
