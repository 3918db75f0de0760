import { getAssetRow } from "@/lib/server/assets/assets";
import { asUser } from "@/lib/server/db/rls";
import { AppError } from "@/lib/server/http/errors";
import { uuidParams, withUser } from "@/lib/server/http/route";
import { getStorage } from "@/lib/server/storage";
import { fileQuery } from "../../schema";

const MIME: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  webp: "image/webp",
  mp3: "audio/mpeg",
  wav: "audio/wav",
  ogg: "audio/ogg",
  aac: "audio/aac",
  flac: "audio/flac",
  mp4: "video/mp4",
  md: "text/markdown; charset=utf-8",
};

/** The stored file, to its owner only, with HTTP Range support (audio and video players seek with it). */
export const GET = withUser({ params: uuidParams, query: fileQuery }, async ({ user, params, query, req }) => {
  const { asset } = await asUser(user.id, (tx) => getAssetRow(tx, { userId: user.id, id: params.id }));
  const path = query.variant === "thumbnail" ? asset.thumbnailPath : asset.storagePath;
  if (!path) throw AppError.notFound("File");
  const storage = getStorage();
  const size = await storage.size(path);
  if (size == null) throw AppError.notFound("File");
  const ext = path.split(".").pop() ?? "";
  const headers: Record<string, string> = {
    "Content-Type": MIME[ext] ?? "application/octet-stream",
    "Accept-Ranges": "bytes",
    "Cache-Control": "private, max-age=31536000, immutable",
    "Content-Security-Policy": "default-src 'none'; media-src 'self'; img-src 'self'; style-src 'unsafe-inline'",
    "X-Content-Type-Options": "nosniff",
  };
  if (query.download)
    headers["Content-Disposition"] =
      `attachment; filename="${(asset.name ?? "asset").replace(/[^\w .-]/g, "_").slice(0, 80)}.${ext}"`;

  const range = req.headers.get("range");
  if (range) {
    const m = /^bytes=(\d*)-(\d*)$/.exec(range.trim());
    let start = m?.[1] ? Number(m[1]) : Number.NaN;
    let end = m?.[2] ? Number(m[2]) : size - 1;
    if (m && !m[1] && m[2]) {
      start = Math.max(0, size - Number(m[2])); // suffix range: the last N bytes
      end = size - 1;
    }
    if (!m || Number.isNaN(start) || start >= size || end < start) {
      return new Response(null, { status: 416, headers: { ...headers, "Content-Range": `bytes */${size}` } });
    }
    end = Math.min(end, size - 1);
    const bytes = await storage.get(path, { start, end });
    return new Response(bytes as BodyInit, {
      status: 206,
      headers: {
        ...headers,
        "Content-Range": `bytes ${start}-${end}/${size}`,
        "Content-Length": String(end - start + 1),
      },
    });
  }
  const bytes = await storage.get(path);
  if (!bytes) throw AppError.notFound("File");
  return new Response(bytes as BodyInit, { status: 200, headers: { ...headers, "Content-Length": String(size) } });
});
