import "server-only";
import { randomUUID } from "node:crypto";
import sharp from "sharp";
import type { MediaOutput } from "@/providers/types";
import { getConfig } from "../config";
import { guardedFetch } from "../net/ssrf-guard";
import { getStorage } from "../storage";

const MAX_DOWNLOAD_BYTES = 512 * 1024 * 1024;
const EXTENSIONS: Record<string, string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/webp": "webp",
  "audio/mpeg": "mp3",
  "audio/wav": "wav",
  "audio/ogg": "ogg",
  "audio/aac": "aac",
  "audio/flac": "flac",
  "audio/L16": "pcm",
  "video/mp4": "mp4",
  "text/markdown": "md",
};

export type StoredFile = {
  assetId: string;
  storagePath: string;
  thumbnailPath: string | null;
  mimeType: string;
  format: string;
  sizeBytes: number;
  width: number | null;
  height: number | null;
  durationSeconds: number | null;
};

/** Downloads a provider's output URL at once (they expire), through the SSRF guard, with a size cap. */
async function bytesOf(output: MediaOutput): Promise<Uint8Array> {
  if (output.data) return output.data;
  if (!output.url) throw new Error("An output has neither bytes nor a URL.");
  const response = await guardedFetch({ allowPrivate: getConfig().allowPrivateBaseUrls })(output.url, {
    signal: AbortSignal.timeout(120_000),
  });
  if (!response.ok || !response.body) throw new Error(`Downloading an output failed with ${response.status}.`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > MAX_DOWNLOAD_BYTES) throw new Error("An output is larger than Atelier accepts.");
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * Copies outputs into storage (a thumbnail too, for images) under `user/project/asset`. If anything fails, the
 * files already written are removed: no file is left without its row.
 */
export async function storeOutputs(
  { userId, projectId }: { userId: string; projectId: string },
  outputs: MediaOutput[],
): Promise<StoredFile[]> {
  const storage = getStorage();
  const written: string[] = [];
  try {
    const stored: StoredFile[] = [];
    for (const output of outputs) {
      const data = await bytesOf(output);
      const assetId = randomUUID();
      const format = EXTENSIONS[output.mimeType] ?? output.mimeType.split("/")[1]?.replace(/[^a-z0-9]/g, "") ?? "bin";
      const storagePath = `${userId}/${projectId}/${assetId}.${format}`;
      let width = output.width ?? null;
      let height = output.height ?? null;
      let thumbnailPath: string | null = null;
      if (output.mimeType.startsWith("image/")) {
        const image = sharp(data);
        const meta = await image.metadata();
        width = meta.width ?? width;
        height = meta.height ?? height;
        thumbnailPath = `${userId}/${projectId}/${assetId}.thumb.webp`;
        const thumb = await image
          .resize({ width: 384, height: 384, fit: "inside", withoutEnlargement: true })
          .webp({ quality: 80 })
          .toBuffer();
        await storage.put(thumbnailPath, thumb, "image/webp");
        written.push(thumbnailPath);
      }
      await storage.put(storagePath, data, output.mimeType);
      written.push(storagePath);
      stored.push({
        assetId,
        storagePath,
        thumbnailPath,
        mimeType: output.mimeType,
        format,
        sizeBytes: data.byteLength,
        width,
        height,
        durationSeconds: output.durationSeconds ?? null,
      });
    }
    return stored;
  } catch (error) {
    await removeFiles(written);
    throw error;
  }
}

export async function removeFiles(paths: (string | null | undefined)[]): Promise<void> {
  const storage = getStorage();
  await Promise.all(paths.filter((p): p is string => !!p).map((p) => storage.delete(p).catch(() => undefined)));
}
