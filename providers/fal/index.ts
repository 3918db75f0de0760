import "server-only";
import { createFalClient, type FalClient } from "@fal-ai/client";
import { normalizeProviderError, ProviderError } from "../errors";
import { estimateWith } from "../estimate";
import type {
  AudioRequest,
  ImageRequest,
  MediaOutput,
  ProviderAdapter,
  ProviderOptions,
  VideoJob,
  VideoRequest,
  VideoStatus,
} from "../types";
import { unsupported } from "../unsupported";

const FAL_HOSTS = /^https:\/\/(queue\.)?fal\.run/;

/** @fal-ai/client, with fal's hosts rewritten to `baseURL` when one is given (gateways, loopback tests). */
export function createFalSdkClient(options: ProviderOptions): FalClient {
  const base = options.baseURL?.replace(/\/$/, "");
  return createFalClient({
    credentials: options.apiKey,
    fetch: options.fetch,
    suppressLocalCredentialsWarning: true,
    retry: { maxRetries: 0 },
    requestMiddleware: async (request) =>
      base
        ? { ...request, url: request.url.replace(FAL_HOSTS, (_m, queue) => `${base}${queue ? "/queue" : ""}`) }
        : request,
  });
}

// A status query for a request that does not exist: authenticated, free, and answered 404 when the key is good.
const PROBE_MODEL = "fal-ai/flux/schnell";
const PROBE_REQUEST = "00000000-0000-4000-8000-000000000000";

type FalFile = { url: string; content_type?: string; width?: number; height?: number; file_size?: number };

/** Each model family's input, built from our request (fal models take different parameter names). */
function imageInput(request: ImageRequest) {
  const [width, height] = request.size.split("x").map((n) => Number.parseInt(n, 10));
  return {
    prompt: request.prompt,
    image_size: { width, height },
    num_images: request.count,
    output_format: "jpeg",
    enable_safety_checker: true,
  };
}

function videoInput(request: VideoRequest) {
  if (request.model.includes("kling-video")) {
    return { prompt: request.prompt, duration: String(request.seconds), aspect_ratio: request.aspectRatio ?? "16:9" };
  }
  return { prompt: request.prompt, duration: String(request.seconds), prompt_optimizer: true };
}

function fileOutput(file: FalFile | undefined, fallbackMime: string): MediaOutput {
  if (!file?.url) throw new ProviderError("bad_request", "fal", "fal.ai returned no file.");
  return {
    url: file.url,
    mimeType: file.content_type ?? fallbackMime,
    ...(file.width ? { width: file.width } : {}),
    ...(file.height ? { height: file.height } : {}),
  };
}

/**
 * fal.ai through @fal-ai/client's queue: submit, status (with queue position), result, cancel.
 * Images and speech are short: submitted and polled to the end here. Video is a durable job the caller resumes.
 */
export function createFal(options: ProviderOptions & { pollIntervalMs?: number }): ProviderAdapter {
  const client = createFalSdkClient(options);
  const fail = (error: unknown) => normalizeProviderError("fal", error, options.apiKey);
  const pollInterval = options.pollIntervalMs ?? 1000;
  const timeoutMs = options.timeoutMs ?? 180_000;

  async function status(model: string, requestId: string): Promise<VideoStatus> {
    try {
      const s = (await client.queue.status(model, { requestId, logs: false })) as {
        status: string;
        queue_position?: number;
      };
      if (s.status === "IN_QUEUE") return { state: "queued", queuePosition: s.queue_position };
      if (s.status === "IN_PROGRESS") return { state: "running" };
      return { state: "completed" };
    } catch (error) {
      throw fail(error);
    }
  }

  async function result<T>(model: string, requestId: string): Promise<T> {
    try {
      return (await client.queue.result(model, { requestId })).data as T;
    } catch (error) {
      throw fail(error);
    }
  }

  /** Submit and poll to completion, for the short jobs (images, speech). */
  async function run<T>(
    model: string,
    input: Record<string, unknown>,
    signal?: AbortSignal,
  ): Promise<{ data: T; requestId: string }> {
    let requestId: string;
    try {
      requestId = (await client.queue.submit(model, { input })).request_id;
    } catch (error) {
      throw fail(error);
    }
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (signal?.aborted) {
        await client.queue.cancel(model, { requestId }).catch(() => undefined);
        throw new ProviderError("timeout", "fal", "The request was cancelled.");
      }
      if ((await status(model, requestId)).state === "completed") break;
      if (Date.now() > deadline) {
        await client.queue.cancel(model, { requestId }).catch(() => undefined);
        throw new ProviderError("timeout", "fal", "fal.ai did not finish in time.");
      }
      await new Promise((r) => setTimeout(r, pollInterval));
    }
    return { data: await result<T>(model, requestId), requestId };
  }

  return {
    id: "fal",
    estimateCost: estimateWith("fal"),

    async healthCheck() {
      const started = performance.now();
      try {
        await client.queue.status(PROBE_MODEL, { requestId: PROBE_REQUEST });
      } catch (error) {
        const code = (error as { status?: number }).status;
        if (code !== 404) throw fail(error);
      }
      return { latencyMs: Math.round(performance.now() - started), models: [] };
    },

    async generateImage(request: ImageRequest) {
      const { data, requestId } = await run<{ images?: FalFile[]; has_nsfw_concepts?: boolean[] }>(
        request.model,
        imageInput(request),
        request.signal,
      );
      // With the safety checker on, fal blanks flagged images and says so: keep only the clean ones.
      const flagged = data.has_nsfw_concepts ?? [];
      const images = (data.images ?? []).filter((_img, i) => !flagged[i]);
      if (images.length === 0) {
        throw new ProviderError("content_rejected", "fal", "fal.ai's safety checker flagged the image.");
      }
      return { images: images.map((f) => fileOutput(f, "image/jpeg")), providerRequestId: requestId };
    },

    async generateAudio(request: AudioRequest) {
      const { data, requestId } = await run<{ audio?: FalFile }>(
        request.model,
        { prompt: request.text, voice: request.voice ?? "af_heart", speed: 1 },
        request.signal,
      );
      return {
        audio: fileOutput(data.audio, "audio/wav"),
        providerRequestId: requestId,
        characters: [...request.text].length,
      };
    },

    async startVideo(request: VideoRequest) {
      try {
        const submitted = await client.queue.submit(request.model, {
          input: videoInput(request),
          ...(request.webhookUrl ? { webhookUrl: request.webhookUrl } : {}),
        });
        return { model: request.model, jobId: submitted.request_id };
      } catch (error) {
        throw fail(error);
      }
    },

    getVideoStatus: (job: VideoJob) => status(job.model, job.jobId),

    async getVideoResult(job: VideoJob) {
      const data = await result<{ video?: FalFile }>(job.model, job.jobId);
      return { video: fileOutput(data.video, "video/mp4"), providerRequestId: job.jobId };
    },

    async cancelVideo(job: VideoJob) {
      try {
        await client.queue.cancel(job.model, { requestId: job.jobId });
      } catch (error) {
        const normalized = fail(error);
        // 400 means it already finished: nothing left to cancel.
        if (normalized.extra.status !== 400) throw normalized;
      }
    },

    ...unsupported("fal.ai", "generateText"),
  };
}
