import { asUser } from "@/lib/server/db/rls";
import { ok, withUser } from "@/lib/server/http/route";
import { getProfile } from "@/lib/server/users/get-profile";
import { updateProfile } from "@/lib/server/users/update-profile";
import { updateProfileSchema } from "./schema";

export const GET = withUser({}, async ({ user }) => ok(await getProfile(user)));

export const PUT = withUser({ body: updateProfileSchema }, async ({ user, body }) => {
  await asUser(user.id, (tx) => updateProfile(tx, { userId: user.id, ...body }));
  return ok(await getProfile(user), "Profile saved.");
});
