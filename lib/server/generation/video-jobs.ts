import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { findModel } from "@/lib/shared/catalog";
import type { ProviderId } from "@/lib/shared/providers";
import { normalizeProviderError } from "@/providers/errors";
import type { MediaOutput } from "@/providers/types";
import { acquireApiKey } from "../api-keys/acquire-api-key";
import { actualCost } from "../costs/calculate";
import type { Executor } from "../db/client";
import { rowsOf } from "../db/client";
import { generations, providerSettings } from "../db/schema";
import { log } from "../log";
import { adapterFor } from "./adapter-for";
import { settleBudget } from "./budget";
import { completeGeneration, failAttempt } from "./execute";
import { removeFiles, storeOutputs } from "./store-outputs";

/** Runs a unit of work: as the job's owner (a request) or on the service path (webhooks, start-up). */
export type Unit = <T>(work: (db: Executor) => Promise<T>) => Promise<T>;
type Row = typeof generations.$inferSelect;

const IN_FLIGHT = new Set(["pending", "processing"]);

/** Locks the generation row; null when it is no longer in flight (another instance got there first). */
async function lockInFlight(db: Executor, id: string): Promise<Row | null> {
  const [row] = rowsOf<{ status: string }>(
    await db.execute(sql`select status from public.generations where id = ${id} for update`),
  );
  if (!row || !IN_FLIGHT.has(row.status)) return null;
  const [full] = await db.select().from(generations).where(eq(generations.id, id));
  return full ?? null;
}

async function adapterForJob(unit: Unit, row: Row) {
  const { key, baseUrl } = await unit(async (db) => {
    const key = await acquireApiKey(db, { userId: row.userId, provider: row.provider as ProviderId });
    const [setting] = await db
      .select({ baseUrl: providerSettings.baseUrl })
      .from(providerSettings)
      .where(and(eq(providerSettings.userId, row.userId), eq(providerSettings.provider, row.provider as ProviderId)));
    return { key, baseUrl: setting?.baseUrl ?? null };
  });
  return {
    adapter: adapterFor(row.provider as ProviderId, { apiKey: key?.apiKey ?? "", baseUrl, type: "video" }),
    apiKey: key?.apiKey ?? "",
  };
}

/** Stores the finished video and settles the generation, unless another instance already did. */
export async function finishVideo(unit: Unit, row: Row, video: MediaOutput): Promise<Row> {
  const files = await storeOutputs({ userId: row.userId, projectId: row.projectId }, [video]);
  const model = findModel(row.provider, row.model);
  const params = row.parameters as { seconds?: number; size?: string };
  const seconds = video.durationSeconds ?? params.seconds ?? 0;
  const cost = model
    ? actualCost(
        model,
        { type: "video", prompt: row.prompt, seconds, size: params.size },
        { type: "video", seconds, size: params.size },
      )
    : { basis: "actual" as const, cents: row.estimatedCostCents ?? "0", usd: "0", lines: [], issues: [] };
  const done = await unit(async (db) => {
    const locked = await lockInFlight(db, row.id);
    if (!locked) return null;
    return completeGeneration(db, {
      userId: row.userId,
      generationId: row.id,
      projectId: row.projectId,
      candidate: { provider: row.provider, modelId: row.model, type: "video" },
      prompt: row.prompt,
      reservedCents: locked.reservedCents,
      cost,
      files,
      tokens: {},
      result: { providerRequestId: row.providerJobId },
      durationMs: Date.now() - (row.startedAt ?? row.createdAt).getTime(),
      attempts: locked.attempts,
      parameters: row.parameters,
    });
  });
  if (!done) {
    await removeFiles(files.flatMap((f) => [f.storagePath, f.thumbnailPath]));
    return (await unit((db) => db.select().from(generations).where(eq(generations.id, row.id))))[0] ?? row;
  }
  return done;
}

/** Ends a job without output (failed, cancelled, or past its deadline): the reservation is released. */
export async function endVideo(unit: Unit, row: Row, status: "failed" | "cancelled", message: string): Promise<Row> {
  await unit(async (db) => {
    const locked = await lockInFlight(db, row.id);
    if (!locked) return;
    await settleBudget(db, {
      projectId: row.projectId,
      userId: row.userId,
      reservedCents: locked.reservedCents,
      actualCents: "0",
    });
    await db
      .update(generations)
      .set({
        status,
        errorMessage: message,
        reservedCents: "0",
        costCents: "0",
        completedAt: new Date(),
        queuePosition: null,
      })
      .where(eq(generations.id, row.id));
  });
  return (await unit((db) => db.select().from(generations).where(eq(generations.id, row.id))))[0] ?? row;
}

/**
 * Moves a video job forward by asking its provider: progress and queue position while it runs; on completion the
 * file is copied into storage and the cost settled; past the model's time limit it is cancelled and released.
 * Safe to call from any instance, any number of times.
 */
export async function advanceVideo(unit: Unit, row: Row): Promise<Row> {
  if (!IN_FLIGHT.has(row.status) || !row.providerJobId || row.generationType !== "video") return row;
  const { adapter, apiKey } = await adapterForJob(unit, row);
  const job = { model: row.model, jobId: row.providerJobId };
  if (row.deadlineAt && row.deadlineAt.getTime() < Date.now()) {
    await adapter.cancelVideo(job).catch(() => undefined);
    return endVideo(unit, row, "failed", "The provider did not finish this video in time; nothing was charged.");
  }
  try {
    const status = await adapter.getVideoStatus(job);
    if (status.state === "completed") return finishVideo(unit, row, (await adapter.getVideoResult(job)).video);
    if (status.state === "failed")
      return endVideo(unit, row, "failed", status.error ?? "The provider could not make this video.");
    const [updated] = await unit((db) =>
      db
        .update(generations)
        .set({
          progress: status.progress ?? (status.state === "running" ? 50 : 0),
          queuePosition: status.queuePosition ?? null,
        })
        .where(and(eq(generations.id, row.id), sql`${generations.status} in ('pending', 'processing')`))
        .returning(),
    );
    return updated ?? row;
  } catch (thrown) {
    const error = normalizeProviderError(row.provider, thrown, apiKey);
    log.warn("video poll failed", { generationId: row.id, kind: error.kind });
    if (error.retryable) return row; // try again at the next poll
    await unit((db) =>
      failAttempt(db, {
        userId: row.userId,
        generationId: row.id,
        projectId: row.projectId,
        provider: row.provider,
        modelId: row.model,
        type: "video",
        reservedCents: row.reservedCents,
        actualCents: "0",
        error,
        durationMs: Date.now() - (row.startedAt ?? row.createdAt).getTime(),
        attempts: row.attempts,
        final: true,
      }),
    );
    return (await unit((db) => db.select().from(generations).where(eq(generations.id, row.id))))[0] ?? row;
  }
}

/** Cancels a job at the provider (best effort) and releases its reservation. */
export async function cancelVideo(unit: Unit, row: Row): Promise<Row> {
  if (row.providerJobId) {
    const { adapter } = await adapterForJob(unit, row);
    await adapter
      .cancelVideo({ model: row.model, jobId: row.providerJobId })
      .catch((error) => log.warn("provider cancel failed", { generationId: row.id, error }));
  }
  return endVideo(unit, row, "cancelled", "Cancelled.");
}
