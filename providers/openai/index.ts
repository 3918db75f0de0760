import "server-only";
import OpenAI from "openai";
import { normalizeProviderError, ProviderError } from "../errors";
import { estimateWith } from "../estimate";
import type {
  AudioRequest,
  ImageRequest,
  ProviderAdapter,
  ProviderOptions,
  TextEvent,
  TextRequest,
  VideoJob,
  VideoRequest,
} from "../types";

export const OPENAI_BASE_URL = "https://api.openai.com/v1";

const AUDIO_MIME: Record<string, string> = {
  mp3: "audio/mpeg",
  opus: "audio/ogg",
  aac: "audio/aac",
  flac: "audio/flac",
  wav: "audio/wav",
  pcm: "audio/L16",
};

export function createOpenAIClient(options: ProviderOptions): OpenAI {
  return new OpenAI({
    apiKey: options.apiKey,
    baseURL: options.baseURL ?? OPENAI_BASE_URL,
    fetch: options.fetch,
    timeout: options.timeoutMs ?? 120_000,
    maxRetries: 0, // the router decides about retries and fallbacks
  });
}

function dimensions(size: string): { width?: number; height?: number } {
  const [w, h] = size.split("x").map((n) => Number.parseInt(n, 10));
  return w && h ? { width: w, height: h } : {};
}

/**
 * OpenAI through the official SDK: chat completions (streamed, with usage in the stream), Images API,
 * text-to-speech, and the Videos API (create, poll, download). `id` is "openai-compatible" when reused for
 * other servers speaking the same API (which then use `max_tokens`, the parameter they understand).
 */
export function createOpenAI(options: ProviderOptions, id: "openai" | "openai-compatible" = "openai"): ProviderAdapter {
  const client = createOpenAIClient(options);
  const fail = (error: unknown) => normalizeProviderError(id, error, options.apiKey);

  async function* generateText(request: TextRequest): AsyncGenerator<TextEvent> {
    const messages: OpenAI.Chat.ChatCompletionMessageParam[] = [];
    if (request.system) messages.push({ role: "system", content: request.system });
    messages.push({ role: "user", content: request.prompt });
    let text = "";
    let usage: Extract<TextEvent, { type: "done" }>["usage"] = null;
    let requestId: string | null = null;
    let finishReason: string | null = null;
    try {
      const stream = await client.chat.completions.create(
        {
          model: request.model,
          messages,
          stream: true,
          stream_options: { include_usage: true },
          ...(id === "openai" ? { max_completion_tokens: request.maxTokens } : { max_tokens: request.maxTokens }),
          ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
        },
        { signal: request.signal },
      );
      for await (const chunk of stream) {
        requestId ??= chunk.id ?? null;
        const choice = chunk.choices[0];
        const delta = choice?.delta?.content;
        if (delta) {
          text += delta;
          yield { type: "delta", text: delta };
        }
        if (choice?.finish_reason) finishReason = choice.finish_reason;
        if (chunk.usage) {
          const cached = chunk.usage.prompt_tokens_details?.cached_tokens ?? 0;
          usage = {
            inputTokens: chunk.usage.prompt_tokens - cached,
            cachedInputTokens: cached,
            outputTokens: chunk.usage.completion_tokens,
          };
        }
      }
    } catch (error) {
      throw fail(error);
    }
    yield { type: "done", text, usage, providerRequestId: requestId, finishReason };
  }

  return {
    id,
    estimateCost: estimateWith(id, options.customPrices),

    async healthCheck() {
      const started = performance.now();
      try {
        const page = await client.models.list();
        return { latencyMs: Math.round(performance.now() - started), models: page.data.map((m) => m.id).slice(0, 200) };
      } catch (error) {
        throw fail(error);
      }
    },

    generateText,

    async generateImage(request: ImageRequest) {
      const isGptImage = request.model.startsWith("gpt-image");
      try {
        const response = await client.images.generate(
          {
            model: request.model,
            prompt: request.prompt,
            n: request.count,
            size: request.size as OpenAI.ImageGenerateParams["size"],
            ...(request.quality ? { quality: request.quality as OpenAI.ImageGenerateParams["quality"] } : {}),
            // gpt-image-1 always answers base64; DALL·E is asked for base64 too, so nothing depends on an expiring URL.
            ...(isGptImage ? {} : { response_format: "b64_json" as const }),
          },
          { signal: request.signal },
        );
        const format = response.output_format ?? "png";
        return {
          images: (response.data ?? []).map((img) => ({
            ...(img.b64_json ? { data: Buffer.from(img.b64_json, "base64") } : { url: img.url }),
            mimeType: `image/${format}`,
            ...dimensions(request.size),
          })),
          providerRequestId: null,
          inputTokens: response.usage?.input_tokens,
          revisedPrompt: response.data?.[0]?.revised_prompt,
        };
      } catch (error) {
        throw fail(error);
      }
    },

    async generateAudio(request: AudioRequest) {
      const format = (request.format ?? "mp3") as OpenAI.Audio.SpeechCreateParams["response_format"] & string;
      try {
        const response = await client.audio.speech
          .create(
            { model: request.model, input: request.text, voice: request.voice ?? "alloy", response_format: format },
            { signal: request.signal },
          )
          .withResponse();
        const data = new Uint8Array(await response.data.arrayBuffer());
        return {
          audio: { data, mimeType: AUDIO_MIME[format] ?? "application/octet-stream" },
          providerRequestId: response.request_id ?? null,
          characters: [...request.text].length,
        };
      } catch (error) {
        throw fail(error);
      }
    },

    async startVideo(request: VideoRequest) {
      if (id !== "openai") throw new ProviderError("unsupported", id, "This endpoint does not generate video.");
      try {
        const video = await client.videos.create({
          model: request.model,
          prompt: request.prompt,
          seconds: String(request.seconds) as OpenAI.VideoSeconds,
          ...(request.size ? { size: request.size as OpenAI.VideoSize } : {}),
        });
        return { model: request.model, jobId: video.id };
      } catch (error) {
        throw fail(error);
      }
    },

    async getVideoStatus(job: VideoJob) {
      try {
        const video = await client.videos.retrieve(job.jobId);
        const state = { queued: "queued", in_progress: "running", completed: "completed", failed: "failed" } as const;
        return { state: state[video.status], progress: video.progress, error: video.error?.message };
      } catch (error) {
        throw fail(error);
      }
    },

    async getVideoResult(job: VideoJob) {
      try {
        const video = await client.videos.retrieve(job.jobId);
        const content = await client.videos.downloadContent(job.jobId);
        return {
          video: {
            data: new Uint8Array(await content.arrayBuffer()),
            mimeType: "video/mp4",
            durationSeconds: Number(video.seconds),
            ...dimensions(video.size),
          },
          providerRequestId: job.jobId,
        };
      } catch (error) {
        throw fail(error);
      }
    },

    async cancelVideo(job: VideoJob) {
      // The Videos API has no cancel: deleting the job stops it being kept (and billed further, if still queued).
      try {
        await client.videos.delete(job.jobId);
      } catch (error) {
        const normalized = fail(error);
        if (normalized.extra.status !== 404) throw normalized;
      }
    },
  };
}
