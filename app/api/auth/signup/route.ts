import { getAuth } from "@/lib/server/auth";
import { created, withPublic } from "@/lib/server/http/route";
import { signupSchema } from "./schema";

export const POST = withPublic({ body: signupSchema, maxBodyBytes: 8 * 1024 }, async ({ body, cookies, ip, req }) => {
  const user = await getAuth().signUp(body, { ip, cookies, userAgent: req.headers.get("user-agent") });
  return created({ user }, "Account created.");
});
