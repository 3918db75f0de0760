import "server-only";
import { timingSafeEqual } from "node:crypto";
import { eq } from "drizzle-orm";
import type { FalWebhook } from "@/providers/fal/webhook";
import { asService } from "../db/rls";
import { generations } from "../db/schema";
import { AppError } from "../http/errors";
import { hashToken } from "./execute";
import { endVideo, finishVideo, type Unit } from "./video-jobs";

const service: Unit = (work) => asService(work);

/**
 * fal's webhook for a video job, authenticated by the per-generation secret in its URL (only its hash is stored).
 * Unknown generation or wrong token: 404, so the endpoint reveals nothing.
 */
export async function handleFalWebhook(generationId: string, token: string, event: FalWebhook) {
  const [row] = await service((db) => db.select().from(generations).where(eq(generations.id, generationId)));
  const expected = row?.webhookTokenHash ? Buffer.from(row.webhookTokenHash, "hex") : Buffer.alloc(32);
  const given = Buffer.from(hashToken(token), "hex");
  if (!row?.webhookTokenHash || !timingSafeEqual(expected, given) || event.request_id !== row.providerJobId) {
    throw AppError.notFound("Generation");
  }
  if (event.status === "ERROR")
    return endVideo(service, row, "failed", event.error ?? "The provider could not make this video.");
  const video = (event.payload as { video?: { url?: string; content_type?: string } } | undefined)?.video;
  if (!video?.url) return endVideo(service, row, "failed", "The provider's answer had no video.");
  return finishVideo(service, row, { url: video.url, mimeType: video.content_type ?? "video/mp4" });
}
