import { asUser } from "@/lib/server/db/rls";
import { getGeneration, getGenerationRow } from "@/lib/server/generation/list-generations";
import { advanceVideo } from "@/lib/server/generation/video-jobs";
import { ok, uuidParams, withUser } from "@/lib/server/http/route";

/** Status and progress; reading a video job in flight also advances it by asking the provider. */
export const GET = withUser({ params: uuidParams }, async ({ user, params }) => {
  const unit = <T>(work: Parameters<typeof asUser<T>>[1]) => asUser(user.id, work);
  const row = await unit((tx) => getGenerationRow(tx, { userId: user.id, id: params.id }));
  await advanceVideo(unit, row);
  return ok(await unit((tx) => getGeneration(tx, { userId: user.id, id: params.id })));
});
