import { asUser } from "@/lib/server/db/rls";
import { ok, withUser } from "@/lib/server/http/route";
import { getProviderSettings } from "@/lib/server/provider-settings/get-provider-settings";
import {
  updateProviderSettings,
  validateProviderSettings,
} from "@/lib/server/provider-settings/update-provider-settings";
import { updateProviderSettingsSchema } from "./schema";

export const GET = withUser({}, async ({ user }) =>
  ok(await asUser(user.id, (tx) => getProviderSettings(tx, { userId: user.id }))),
);

export const PUT = withUser({ body: updateProviderSettingsSchema }, async ({ user, body }) => {
  await validateProviderSettings(body); // resolves base URLs: outside the transaction
  return ok(await asUser(user.id, (tx) => updateProviderSettings(tx, { userId: user.id, ...body })), "Saved.");
});
