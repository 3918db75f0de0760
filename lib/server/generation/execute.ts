import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { GenerateInput } from "@/app/api/generate/schema";
import type { CatalogModel } from "@/lib/shared/catalog";
import { PROVIDERS } from "@/lib/shared/providers";
import { normalizeProviderError, ProviderError } from "@/providers/errors";
import type { MediaOutput, ProviderAdapter } from "@/providers/types";
import { acquireApiKey } from "../api-keys/acquire-api-key";
import type { AuthUser } from "../auth/types";
import { getConfig } from "../config";
import { actualCost, estimateCost } from "../costs/calculate";
import type { Cost, CostIssue, CostOutcome, TextUsage } from "../costs/types";
import type { Executor } from "../db/client";
import { asUser } from "../db/rls";
import { assets, type GenerationAttempt, generations } from "../db/schema";
import { AppError } from "../http/errors";
import { log } from "../log";
import { adapterFor } from "./adapter-for";
import { reserveBudget, settleBudget } from "./budget";
import type { Candidate } from "./candidates";
import { costRequestOf } from "./cost-request";
import { healthOf, isCircuitOpen, recordFailure, recordSuccess } from "./health";
import type { Prepared } from "./prepare";
import { takeRateLimit } from "./rate-limit";
import { recordRollup } from "./rollups";
import { removeFiles, type StoredFile, storeOutputs } from "./store-outputs";
import { toGeneration } from "./to-generation";

export type GenerationEvent = { type: "delta"; text: string } | { type: "attempt"; attempt: GenerationAttempt };

type Reserved = { estimate: Cost; apiKey: string };
type Skip = { skip: GenerationAttempt; retryAfterSeconds?: number };

const now = () => new Date().toISOString();

/** Circuit, rate limit, price, key and budget for one candidate — the budget reserved in the same transaction. */
async function reserveFor(
  tx: Executor,
  user: AuthUser,
  input: GenerateInput,
  generationId: string,
  candidate: Candidate,
): Promise<Reserved | Skip> {
  const base = { provider: candidate.provider, model: candidate.model.id, outcome: "skipped" as const, at: now() };
  if (isCircuitOpen(await healthOf(tx, user.id, candidate.provider))) {
    return { skip: { ...base, reason: "circuit_open", message: "Skipped: failing repeatedly, resting for a moment." } };
  }
  const limit = await takeRateLimit(tx, {
    userId: user.id,
    provider: candidate.provider,
    limit: getConfig().rateLimitPerMinute,
  });
  if (!limit.allowed) {
    return {
      skip: {
        ...base,
        reason: "rate_limited",
        message: `Skipped: your per-minute limit is reached (retry in ${limit.retryAfterSeconds}s).`,
      },
      retryAfterSeconds: limit.retryAfterSeconds,
    };
  }
  const estimate = estimateCost(candidate.model, costRequestOf(input));
  if (estimate.issues.some((i) => i.code === "missing_price")) {
    return { skip: { ...base, reason: "no_price", message: "Skipped: this model has no price for what was asked." } };
  }
  const key = await acquireApiKey(tx, { userId: user.id, provider: candidate.provider });
  if (!key && candidate.provider !== "openai-compatible") {
    return { skip: { ...base, reason: "no_key", message: "Skipped: no working key." } };
  }
  if (!(await reserveBudget(tx, { projectId: input.projectId, cents: estimate.cents }))) {
    return {
      skip: {
        ...base,
        reason: "over_budget",
        message: `Skipped: up to ${estimate.usd} USD would exceed the project's budget.`,
      },
    };
  }
  await tx
    .update(generations)
    .set({
      provider: candidate.provider,
      model: candidate.model.id,
      status: "processing",
      startedAt: sql`coalesce(${generations.startedAt}, now())`,
      estimatedCostCents: estimate.cents,
      reservedCents: estimate.cents,
    })
    .where(eq(generations.id, generationId));
  return { estimate, apiKey: key?.apiKey ?? "" };
}

type CallResult =
  | { kind: "media"; outputs: MediaOutput[]; outcome: CostOutcome; result: Record<string, unknown>; text?: string }
  | { kind: "job"; jobId: string; webhookToken: string | null };

/** The provider call itself, outside any transaction. Text deltas are passed on as they arrive. */
async function callProvider(
  adapter: ProviderAdapter,
  input: GenerateInput,
  model: string,
  generationId: string,
  onEvent: (e: GenerationEvent) => void,
  received: { text: string },
): Promise<CallResult> {
  switch (input.type) {
    case "text": {
      for await (const event of adapter.generateText({
        model,
        prompt: input.prompt,
        system: input.system,
        maxTokens: input.maxTokens,
        temperature: input.temperature,
      })) {
        if (event.type === "delta") {
          received.text += event.text;
          onEvent(event);
        } else {
          return {
            kind: "media",
            text: event.text,
            outputs: [{ data: new TextEncoder().encode(event.text), mimeType: "text/markdown" }],
            outcome: { type: "text", usage: event.usage, outputText: event.text },
            result: {
              providerRequestId: event.providerRequestId,
              finishReason: event.finishReason,
              text: event.text,
              usage: event.usage,
            },
          };
        }
      }
      throw new Error("The text stream ended without a final event.");
    }
    case "image": {
      const r = await adapter.generateImage({
        model,
        prompt: input.prompt,
        size: input.size,
        quality: input.quality,
        count: input.count,
      });
      return {
        kind: "media",
        outputs: r.images,
        outcome: {
          type: "image",
          count: r.images.length,
          size: input.size,
          quality: input.quality,
          inputTokens: r.inputTokens,
        },
        result: {
          providerRequestId: r.providerRequestId,
          revisedPrompt: r.revisedPrompt ?? null,
          images: r.images.length,
        },
      };
    }
    case "audio": {
      const r = await adapter.generateAudio({ model, text: input.prompt, voice: input.voice, format: input.format });
      return {
        kind: "media",
        outputs: [r.audio],
        outcome: { type: "audio", characters: r.characters, durationSeconds: r.audio.durationSeconds?.toString() },
        result: { providerRequestId: r.providerRequestId },
      };
    }
    case "video": {
      const appUrl = getConfig().appUrl;
      const webhookToken = appUrl && adapter.id === "fal" ? randomBytes(24).toString("base64url") : null;
      const job = await adapter.startVideo({
        model,
        prompt: input.prompt,
        seconds: input.seconds,
        size: input.size,
        aspectRatio: input.aspectRatio,
        webhookUrl: webhookToken ? `${appUrl}/api/webhooks/fal/${generationId}?token=${webhookToken}` : undefined,
      });
      return { kind: "job", jobId: job.jobId, webhookToken };
    }
  }
}

/**
 * What a text stream cut midway consumed, and its cost: the input tokens as the provider reported them before the
 * cut (Anthropic does at the start), else our own count of the prompt; the output tokens of the text received (or
 * the provider's running count, if higher). The usage is recorded with the cost, so the charge can be checked.
 */
function costOfCut(model: CatalogModel, input: GenerateInput, text: string, reported: TextUsage | undefined) {
  const request = costRequestOf(input);
  const counted = actualCost(model, request, { type: "text", usage: null, outputText: text });
  const tokens = (unit: string) => Number(counted.lines.find((l) => l.unit === unit)?.quantity ?? 0);
  const usage: TextUsage = reported
    ? { ...reported, outputTokens: Math.max(reported.outputTokens, tokens("output_token")) }
    : { inputTokens: tokens("input_token"), outputTokens: tokens("output_token") };
  const cost = actualCost(model, request, { type: "text", usage, outputText: text });
  const issues: CostIssue[] = reported
    ? [
        {
          code: "usage_not_reported",
          detail: "the stream was cut: input tokens as reported, output tokens counted locally",
        },
      ]
    : counted.issues;
  return { usage, cost: { ...cost, issues } };
}

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Records stored outputs as assets and settles the generation: cost, budget, alerts, rollups, health. One transaction. */
export async function completeGeneration(
  tx: Executor,
  args: {
    userId: string;
    generationId: string;
    projectId: string;
    candidate: { provider: string; modelId: string; type: string };
    prompt: string;
    reservedCents: string;
    cost: Cost;
    files: StoredFile[];
    tokens: { input?: number; output?: number };
    result: Record<string, unknown>;
    durationMs: number;
    attempts: GenerationAttempt[];
    parameters: Record<string, unknown>;
  },
) {
  for (const f of args.files) {
    await tx.insert(assets).values({
      id: f.assetId,
      projectId: args.projectId,
      userId: args.userId,
      generationId: args.generationId,
      type: args.candidate.type,
      name: args.prompt.slice(0, 80),
      fileUrl: `/api/assets/${f.assetId}/file`,
      thumbnailUrl: f.thumbnailPath ? `/api/assets/${f.assetId}/file?variant=thumbnail` : null,
      fileSizeBytes: f.sizeBytes,
      fileFormat: f.format,
      width: f.width,
      height: f.height,
      durationSeconds: f.durationSeconds?.toString() ?? null,
      storagePath: f.storagePath,
      thumbnailPath: f.thumbnailPath,
      metadata: {
        provider: args.candidate.provider,
        model: args.candidate.modelId,
        mimeType: f.mimeType,
        parameters: args.parameters,
      },
    });
  }
  await settleBudget(tx, {
    projectId: args.projectId,
    userId: args.userId,
    reservedCents: args.reservedCents,
    actualCents: args.cost.cents,
  });
  const tokensTotal = (args.tokens.input ?? 0) + (args.tokens.output ?? 0);
  await recordRollup(tx, {
    userId: args.userId,
    projectId: args.projectId,
    provider: args.candidate.provider,
    model: args.candidate.modelId,
    generationType: args.candidate.type,
    succeeded: true,
    tokens: tokensTotal,
    costCents: args.cost.cents,
    durationMs: args.durationMs,
  });
  await recordSuccess(tx, args.userId, args.candidate.provider, args.durationMs);
  const [row] = await tx
    .update(generations)
    .set({
      status: "completed",
      costCents: args.cost.cents,
      costIssues: args.cost.issues,
      reservedCents: "0",
      tokensInput: args.tokens.input ?? null,
      tokensOutput: args.tokens.output ?? null,
      tokensTotal: tokensTotal || null,
      result: args.result,
      attempts: args.attempts,
      completedAt: new Date(),
      durationMs: args.durationMs,
      progress: 100,
      queuePosition: null,
    })
    .where(eq(generations.id, args.generationId))
    .returning();
  return row;
}

/** Records a failed attempt: the reservation released (plus the cost of anything received), health and rollups. */
export async function failAttempt(
  tx: Executor,
  args: {
    userId: string;
    generationId: string;
    projectId: string;
    provider: string;
    modelId: string;
    type: string;
    reservedCents: string;
    actualCents: string;
    error: ProviderError;
    durationMs: number;
    attempts: GenerationAttempt[];
    final: boolean;
    partial?: Record<string, unknown>;
    /** What a cut stream consumed (the actual cost's basis), recorded with it. */
    usage?: TextUsage;
    costIssues?: CostIssue[];
  },
) {
  const tokensInput = args.usage
    ? args.usage.inputTokens + (args.usage.cachedInputTokens ?? 0) + (args.usage.cacheWriteTokens ?? 0)
    : undefined;
  const tokensOutput = args.usage?.outputTokens;
  await settleBudget(tx, {
    projectId: args.projectId,
    userId: args.userId,
    reservedCents: args.reservedCents,
    actualCents: args.actualCents,
  });
  await recordFailure(tx, args.userId, args.provider, args.error.kind, args.error.message);
  await recordRollup(tx, {
    userId: args.userId,
    projectId: args.projectId,
    provider: args.provider,
    model: args.modelId,
    generationType: args.type,
    succeeded: false,
    tokens: (tokensInput ?? 0) + (tokensOutput ?? 0),
    costCents: args.actualCents,
    durationMs: args.durationMs,
  });
  await tx
    .update(generations)
    .set({
      reservedCents: "0",
      attempts: args.attempts,
      ...(args.final
        ? {
            status: "failed",
            errorMessage: args.error.message,
            completedAt: new Date(),
            durationMs: args.durationMs,
            costCents: args.actualCents,
            ...(args.partial ? { result: args.partial } : {}),
            ...(args.usage
              ? {
                  tokensInput,
                  tokensOutput,
                  tokensTotal: (tokensInput ?? 0) + (tokensOutput ?? 0),
                  costIssues: args.costIssues ?? [],
                }
              : {}),
          }
        : {}),
    })
    .where(eq(generations.id, args.generationId));
}

/**
 * Tries the candidates in order. Each is checked and its estimate reserved in one short transaction; the provider
 * is called outside any transaction; the outcome is settled in another. A retryable failure moves on to the next
 * provider; a refusal or a bad request stops at once. Video returns as soon as the provider has the job.
 */
export async function executeGeneration(
  user: AuthUser,
  input: GenerateInput,
  prepared: Prepared,
  onEvent: (e: GenerationEvent) => void = () => undefined,
) {
  const { generationId } = prepared;
  const [current] = await asUser(user.id, (tx) =>
    tx.select().from(generations).where(eq(generations.id, generationId)),
  );
  const attempts: GenerationAttempt[] = [...(current?.attempts ?? [])];
  const record = (attempt: GenerationAttempt) => {
    attempts.push(attempt);
    onEvent({ type: "attempt", attempt });
  };
  const retryAfters: number[] = [];
  const started = Date.now();

  for (const candidate of prepared.candidates) {
    const reserved = await asUser(user.id, (tx) => reserveFor(tx, user, input, generationId, candidate));
    if ("skip" in reserved) {
      record(reserved.skip);
      if (reserved.retryAfterSeconds) retryAfters.push(reserved.retryAfterSeconds);
      continue;
    }
    const adapter = adapterFor(candidate.provider, {
      apiKey: reserved.apiKey,
      baseUrl: candidate.baseUrl,
      type: input.type,
    });
    const callStarted = Date.now();
    const received = { text: "" };
    let call: CallResult;
    try {
      call = await callProvider(adapter, input, candidate.model.id, generationId, onEvent, received);
    } catch (thrown) {
      const normalized = normalizeProviderError(candidate.provider, thrown, reserved.apiKey);
      const durationMs = Date.now() - callStarted;
      // A stream cut midway: what arrived was shown and is paid for; no fallback (the text is already on screen).
      const partial = input.type === "text" && received.text.length > 0;
      const error = partial
        ? new ProviderError(
            normalized.kind,
            normalized.provider,
            `${PROVIDERS[candidate.provider as keyof typeof PROVIDERS]?.label.split(" (")[0] ?? candidate.provider} stopped answering midway.`,
            normalized.extra,
          )
        : normalized;
      const cut = partial ? costOfCut(candidate.model, input, received.text, error.extra.usage) : null;
      record({
        provider: candidate.provider,
        model: candidate.model.id,
        outcome: "failed",
        reason: error.kind,
        message: error.message,
        durationMs,
        at: now(),
      });
      const final = partial || !error.retryable;
      await asUser(user.id, (tx) =>
        failAttempt(tx, {
          userId: user.id,
          generationId,
          projectId: input.projectId,
          provider: candidate.provider,
          modelId: candidate.model.id,
          type: input.type,
          reservedCents: reserved.estimate.cents,
          actualCents: cut?.cost.cents ?? "0",
          error,
          durationMs,
          attempts,
          final,
          partial: cut ? { text: received.text, cut: true, usage: cut.usage } : undefined,
          usage: cut?.usage,
          costIssues: cut?.cost.issues,
        }),
      );
      log.warn("provider attempt failed", {
        generationId,
        provider: candidate.provider,
        kind: error.kind,
        retryable: error.retryable,
      });
      if (final) {
        throw new AppError(
          error.kind === "content_rejected" ? "CONTENT_REJECTED" : "PROVIDER_ERROR",
          partial ? `${error.message} The text received so far was kept; only it was charged.` : error.message,
          { generationId, attempts },
        );
      }
      continue;
    }

    if (call.kind === "job") {
      const deadline = new Date(Date.now() + (candidate.model.limits.maxJobSeconds ?? 3600) * 1000);
      record({
        provider: candidate.provider,
        model: candidate.model.id,
        outcome: "succeeded",
        reason: "queued",
        durationMs: Date.now() - callStarted,
        at: now(),
      });
      const [row] = await asUser(user.id, (tx) =>
        tx
          .update(generations)
          .set({
            providerJobId: call.jobId,
            webhookTokenHash: call.webhookToken ? hashToken(call.webhookToken) : null,
            deadlineAt: deadline,
            attempts,
            progress: 0,
          })
          .where(eq(generations.id, generationId))
          .returning(),
      );
      return toGeneration(row ?? (current as NonNullable<typeof current>));
    }

    const cost = actualCost(candidate.model, costRequestOf(input), call.outcome);
    let files: StoredFile[];
    try {
      files = await storeOutputs({ userId: user.id, projectId: input.projectId }, call.outputs);
    } catch (thrown) {
      // The provider did the work (and bills it) but the output could not be kept: charge it, release the rest.
      const error = new ProviderError(
        "unavailable",
        candidate.provider,
        "The output could not be copied into storage.",
      );
      record({
        provider: candidate.provider,
        model: candidate.model.id,
        outcome: "failed",
        reason: "storage",
        message: error.message,
        at: now(),
      });
      await asUser(user.id, (tx) =>
        failAttempt(tx, {
          userId: user.id,
          generationId,
          projectId: input.projectId,
          provider: candidate.provider,
          modelId: candidate.model.id,
          type: input.type,
          reservedCents: reserved.estimate.cents,
          actualCents: cost.cents,
          error,
          durationMs: Date.now() - callStarted,
          attempts,
          final: true,
        }),
      );
      log.error("storing outputs failed", { generationId, error: thrown });
      throw new AppError("PROVIDER_ERROR", "The result arrived but could not be saved. Try again.", {
        generationId,
        attempts,
      });
    }
    const durationMs = Date.now() - callStarted;
    record({ provider: candidate.provider, model: candidate.model.id, outcome: "succeeded", durationMs, at: now() });
    const usage = call.outcome.type === "text" ? call.outcome.usage : null;
    try {
      const row = await asUser(user.id, (tx) =>
        completeGeneration(tx, {
          userId: user.id,
          generationId,
          projectId: input.projectId,
          candidate: { provider: candidate.provider, modelId: candidate.model.id, type: input.type },
          prompt: input.prompt,
          reservedCents: reserved.estimate.cents,
          cost,
          files,
          tokens: usage
            ? {
                input: usage.inputTokens + (usage.cachedInputTokens ?? 0) + (usage.cacheWriteTokens ?? 0),
                output: usage.outputTokens,
              }
            : {},
          result: call.result,
          durationMs,
          attempts,
          parameters: costRequestOf(input) as unknown as Record<string, unknown>,
        }),
      );
      return toGeneration(
        row ?? (current as NonNullable<typeof current>),
        files.map((f) => f.assetId),
      );
    } catch (error) {
      await removeFiles(files.flatMap((f) => [f.storagePath, f.thumbnailPath]));
      throw error;
    }
  }

  // Nobody could serve it: say why in the most useful terms.
  const reasons = new Set(attempts.filter((a) => a.outcome !== "succeeded").map((a) => a.reason));
  const message =
    reasons.size === 1 && reasons.has("over_budget")
      ? "This generation would exceed the project's budget. Raise the budget or choose a cheaper model."
      : reasons.size === 1 && reasons.has("rate_limited")
        ? "You have reached your per-minute limit for these providers. Try again shortly."
        : "No provider could serve this generation. See the attempts for what each said.";
  await asUser(user.id, (tx) =>
    tx
      .update(generations)
      .set({
        status: "failed",
        errorMessage: message,
        attempts,
        completedAt: new Date(),
        durationMs: Date.now() - started,
        reservedCents: "0",
        costCents: "0",
      })
      .where(eq(generations.id, generationId)),
  );
  if (reasons.size === 1 && reasons.has("over_budget"))
    throw new AppError("BUDGET_EXCEEDED", message, { generationId, attempts });
  if (reasons.size === 1 && reasons.has("rate_limited")) {
    const after = String(Math.min(...retryAfters));
    throw new AppError(
      "RATE_LIMITED",
      message,
      { generationId, attempts, retryAfterSeconds: Number(after) },
      { "Retry-After": after },
    );
  }
  throw new AppError("PROVIDER_ERROR", message, { generationId, attempts });
}
