import { ok, withUser } from "@/lib/server/http/route";
import { getProfile } from "@/lib/server/users/get-profile";

export const GET = withUser({}, async ({ user }) => ok({ user: await getProfile(user) }));
