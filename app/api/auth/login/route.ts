import { getAuth } from "@/lib/server/auth";
import { ok, withPublic } from "@/lib/server/http/route";
import { loginSchema } from "./schema";

export const POST = withPublic({ body: loginSchema, maxBodyBytes: 8 * 1024 }, async ({ body, cookies, ip, req }) => {
  const user = await getAuth().logIn(body, { ip, cookies, userAgent: req.headers.get("user-agent") });
  return ok({ user }, "Logged in.");
});
