import { getAuth } from "@/lib/server/auth";
import { checkHealth } from "@/lib/server/health/check-health";
import { withPublic } from "@/lib/server/http/route";

/** For load balancers and people: 200 when the database and storage answer, 503 otherwise. */
export const GET = withPublic({}, async ({ cookies }) => {
  const user = await getAuth()
    .currentUser(cookies)
    .catch(() => null);
  const health = await checkHealth(user);
  return Response.json(
    { success: health.status === "ok", data: health },
    { status: health.status === "ok" ? 200 : 503 },
  );
});
