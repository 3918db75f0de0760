import "server-only";
import type { Cost, CostRequest, TextUsage } from "@/lib/server/costs/types";
import type { ProviderId } from "@/lib/shared/providers";

/** What every adapter factory takes: the user's key, where the API lives, and the fetch to reach it with. */
export type ProviderOptions = {
  apiKey: string;
  baseURL?: string;
  fetch?: typeof fetch;
  /** Per-request timeout; a provider that hangs longer fails with `timeout`. */
  timeoutMs?: number;
  /** OpenAI-compatible endpoints: the user's prices per model (zero when unset). */
  customPrices?: Record<string, { inputPerMillion?: string; outputPerMillion?: string }>;
};

export type HealthCheckResult = { latencyMs: number; models: string[] };

export type TextRequest = {
  model: string;
  prompt: string;
  system?: string;
  maxTokens: number;
  temperature?: number;
  signal?: AbortSignal;
};

/** Text arrives as deltas; the last event carries the whole text, the usage (null if never reported) and ids. */
export type TextEvent =
  | { type: "delta"; text: string }
  | {
      type: "done";
      text: string;
      usage: TextUsage | null;
      providerRequestId: string | null;
      finishReason: string | null;
    };

/** An output: bytes we already hold, or a provider URL to copy into storage at once (they expire). */
export type MediaOutput = {
  data?: Uint8Array;
  url?: string;
  mimeType: string;
  width?: number;
  height?: number;
  durationSeconds?: number;
};

export type ImageRequest = {
  model: string;
  prompt: string;
  size: string;
  quality?: string;
  count: number;
  signal?: AbortSignal;
};
export type ImageResult = {
  images: MediaOutput[];
  providerRequestId: string | null;
  /** Prompt tokens, for models that bill them (gpt-image-1). */
  inputTokens?: number;
  revisedPrompt?: string;
};

export type AudioRequest = { model: string; text: string; voice?: string; format?: string; signal?: AbortSignal };
export type AudioResult = { audio: MediaOutput; providerRequestId: string | null; characters: number };

export type VideoRequest = {
  model: string;
  prompt: string;
  seconds: number;
  size?: string;
  aspectRatio?: string;
  /** fal posts the result here when the job ends. */
  webhookUrl?: string;
};
/** A long job, identified by what the provider gave us; kept in the generation row so any instance can resume it. */
export type VideoJob = { model: string; jobId: string };
export type VideoStatus = {
  state: "queued" | "running" | "completed" | "failed";
  /** 0–100 when the provider reports it. */
  progress?: number;
  queuePosition?: number;
  error?: string;
};
export type VideoResult = { video: MediaOutput; providerRequestId: string };

/**
 * The seed's BaseProvider, as the object a factory returns. Video is split into start/status/result/cancel
 * so a job survives restarts. Capabilities an adapter lacks throw ProviderError("unsupported").
 */
export interface ProviderAdapter {
  readonly id: ProviderId;
  healthCheck(): Promise<HealthCheckResult>;
  generateText(request: TextRequest): AsyncIterable<TextEvent>;
  generateImage(request: ImageRequest): Promise<ImageResult>;
  generateAudio(request: AudioRequest): Promise<AudioResult>;
  startVideo(request: VideoRequest): Promise<VideoJob>;
  getVideoStatus(job: VideoJob): Promise<VideoStatus>;
  getVideoResult(job: VideoJob): Promise<VideoResult>;
  cancelVideo(job: VideoJob): Promise<void>;
  /** Cost before a call, from the model catalog (user-set prices for OpenAI-compatible models). */
  estimateCost(model: string, request: CostRequest): Cost;
}
