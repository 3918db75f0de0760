import { deleteAsset, getAsset, updateAsset } from "@/lib/server/assets/assets";
import { asUser } from "@/lib/server/db/rls";
import { removeFiles } from "@/lib/server/generation/store-outputs";
import { ok, uuidParams, withUser } from "@/lib/server/http/route";
import { updateAssetSchema } from "../schema";

export const GET = withUser({ params: uuidParams }, async ({ user, params }) =>
  ok(await asUser(user.id, (tx) => getAsset(tx, { userId: user.id, id: params.id }))),
);

export const PUT = withUser({ params: uuidParams, body: updateAssetSchema }, async ({ user, params, body }) =>
  ok(await asUser(user.id, (tx) => updateAsset(tx, { userId: user.id, id: params.id, ...body })), "Saved."),
);

export const DELETE = withUser({ params: uuidParams }, async ({ user, params }) => {
  const deleted = await asUser(user.id, (tx) => deleteAsset(tx, { userId: user.id, id: params.id }));
  await removeFiles([deleted.storagePath, deleted.thumbnailPath]); // after the row is gone: never a row without its file
  return ok({ id: deleted.id }, "Deleted.");
});
