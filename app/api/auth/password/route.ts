import { getAuth } from "@/lib/server/auth";
import { ok, withUser } from "@/lib/server/http/route";
import { changePasswordSchema } from "./schema";

export const POST = withUser(
  { body: changePasswordSchema, maxBodyBytes: 8 * 1024 },
  async ({ user, body, cookies, ip, req }) => {
    await getAuth().changePassword(user, body, { cookies, ip, userAgent: req.headers.get("user-agent") });
    return ok(null, "Password changed. Other devices have been signed out.");
  },
);
