import { asUser } from "@/lib/server/db/rls";
import { getGeneration, getGenerationRow } from "@/lib/server/generation/list-generations";
import { cancelVideo } from "@/lib/server/generation/video-jobs";
import { AppError } from "@/lib/server/http/errors";
import { ok, uuidParams, withUser } from "@/lib/server/http/route";

export const POST = withUser({ params: uuidParams }, async ({ user, params }) => {
  const unit = <T>(work: Parameters<typeof asUser<T>>[1]) => asUser(user.id, work);
  const row = await unit((tx) => getGenerationRow(tx, { userId: user.id, id: params.id }));
  if (row.status !== "pending" && row.status !== "processing") {
    throw new AppError("NOT_CANCELLABLE", `This generation is already ${row.status}.`);
  }
  await cancelVideo(unit, row);
  return ok(await unit((tx) => getGeneration(tx, { userId: user.id, id: params.id })), "Cancelled.");
});
