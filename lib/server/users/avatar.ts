import "server-only";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import type { AuthUser } from "../auth/types";
import { asUser } from "../db/rls";
import { users } from "../db/schema";
import { AppError } from "../http/errors";
import { getStorage } from "../storage";

export const AVATAR_MAX_BYTES = 2 * 1024 * 1024;
const ACCEPTED = new Set(["image/png", "image/jpeg", "image/webp", "image/gif"]);
const pathOf = (userId: string) => `${userId}/profile/avatar.webp`;

/** Decodes the upload (refusing anything that is not really an image), squares it to 256 px WebP, stores it. */
export async function setAvatar(user: AuthUser, contentType: string, bytes: Uint8Array) {
  if (!ACCEPTED.has(contentType.split(";")[0]?.trim().toLowerCase() ?? "")) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Upload a PNG, JPEG, WebP or GIF image.");
  }
  let webp: Buffer;
  try {
    webp = await sharp(bytes, { limitInputPixels: 40_000_000 })
      .rotate()
      .resize(256, 256, { fit: "cover" })
      .webp({ quality: 85 })
      .toBuffer();
  } catch {
    throw new AppError("VALIDATION_ERROR", "That file is not an image we can read.", {
      issues: [{ path: "avatar", message: "Not a readable image." }],
    });
  }
  await getStorage().put(pathOf(user.id), webp, "image/webp");
  const avatarUrl = `/api/profile/avatar?v=${Date.now()}`;
  await asUser(user.id, (tx) => tx.update(users).set({ avatarUrl }).where(eq(users.id, user.id)));
  return { avatarUrl };
}

export async function readAvatar(user: AuthUser): Promise<Uint8Array | null> {
  return getStorage().get(pathOf(user.id));
}

export async function removeAvatar(user: AuthUser) {
  await asUser(user.id, (tx) => tx.update(users).set({ avatarUrl: null }).where(eq(users.id, user.id)));
  await getStorage().delete(pathOf(user.id));
  return { avatarUrl: null };
}
