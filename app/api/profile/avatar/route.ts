import { readLimitedBytes } from "@/lib/server/http/body";
import { AppError } from "@/lib/server/http/errors";
import { ok, withUser } from "@/lib/server/http/route";
import { AVATAR_MAX_BYTES, readAvatar, removeAvatar, setAvatar } from "@/lib/server/users/avatar";

/** The signed-in user's avatar (a 256 px WebP). */
export const GET = withUser({}, async ({ user }) => {
  const bytes = await readAvatar(user);
  if (!bytes) throw AppError.notFound("Avatar");
  return new Response(bytes as BodyInit, {
    headers: { "Content-Type": "image/webp", "Cache-Control": "private, max-age=86400" },
  });
});

/** Upload: the image itself as the body (Content-Type image/png, image/jpeg, image/webp or image/gif), at most 2 MiB. */
export const PUT = withUser({}, async ({ user, req }) => {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > AVATAR_MAX_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "Use an image of at most 2 MiB.");
  const bytes = await readLimitedBytes(req, AVATAR_MAX_BYTES);
  if (bytes.byteLength === 0) throw new AppError("BAD_REQUEST", "Send the image as the request body.");
  return ok(await setAvatar(user, req.headers.get("content-type") ?? "", bytes), "Avatar saved.");
});

export const DELETE = withUser({}, async ({ user }) => ok(await removeAvatar(user), "Avatar removed."));
