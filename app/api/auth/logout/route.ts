import { getAuth } from "@/lib/server/auth";
import { ok, withPublic } from "@/lib/server/http/route";

export const POST = withPublic({}, async ({ cookies, ip, req }) => {
  await getAuth().logOut({ ip, cookies, userAgent: req.headers.get("user-agent") });
  return ok(null, "Logged out.");
});
