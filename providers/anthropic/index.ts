import "server-only";
import Anthropic from "@anthropic-ai/sdk";
import { normalizeProviderError, ProviderError } from "../errors";
import { estimateWith } from "../estimate";
import type { ProviderAdapter, ProviderOptions, TextEvent, TextRequest } from "../types";
import { unsupported } from "../unsupported";

export const ANTHROPIC_BASE_URL = "https://api.anthropic.com";

export function createAnthropicClient(options: ProviderOptions): Anthropic {
  return new Anthropic({
    apiKey: options.apiKey,
    baseURL: options.baseURL ?? ANTHROPIC_BASE_URL,
    fetch: options.fetch,
    timeout: options.timeoutMs ?? 120_000,
    maxRetries: 0,
  });
}

/** Anthropic through the official SDK: Messages with streaming; usage includes cache reads and writes. */
export function createAnthropic(options: ProviderOptions): ProviderAdapter {
  const client = createAnthropicClient(options);
  const fail = (error: unknown) => normalizeProviderError("anthropic", error, options.apiKey);

  async function* generateText(request: TextRequest): AsyncGenerator<TextEvent> {
    let text = "";
    let requestId: string | null = null;
    let finishReason: string | null = null;
    const usage = { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, cacheWriteTokens: 0 };
    let sawUsage = false;
    try {
      const stream = client.messages.stream(
        {
          model: request.model,
          max_tokens: request.maxTokens,
          messages: [{ role: "user", content: request.prompt }],
          ...(request.system ? { system: request.system } : {}),
          ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
        },
        { signal: request.signal },
      );
      for await (const event of stream) {
        if (event.type === "message_start") {
          requestId = event.message.id;
          const u = event.message.usage;
          sawUsage = true;
          usage.inputTokens = u.input_tokens;
          usage.outputTokens = u.output_tokens;
          usage.cachedInputTokens = u.cache_read_input_tokens ?? 0;
          usage.cacheWriteTokens = u.cache_creation_input_tokens ?? 0;
        } else if (event.type === "content_block_delta" && event.delta.type === "text_delta") {
          text += event.delta.text;
          yield { type: "delta", text: event.delta.text };
        } else if (event.type === "message_delta") {
          // message_delta carries the cumulative output count (and, on newer API versions, input counts too).
          sawUsage = true;
          usage.outputTokens = event.usage.output_tokens;
          if (event.usage.input_tokens != null) usage.inputTokens = event.usage.input_tokens;
          if (event.usage.cache_read_input_tokens != null)
            usage.cachedInputTokens = event.usage.cache_read_input_tokens;
          if (event.usage.cache_creation_input_tokens != null)
            usage.cacheWriteTokens = event.usage.cache_creation_input_tokens;
          finishReason = event.delta.stop_reason ?? finishReason;
        }
      }
    } catch (error) {
      const failure = fail(error);
      // Cut after message_start: the input was counted (and is billed) by Anthropic; pass its count on.
      if (!sawUsage) throw failure;
      throw new ProviderError(failure.kind, failure.provider, failure.message, {
        ...failure.extra,
        usage: { ...usage },
      });
    }
    if (finishReason === "refusal") {
      throw new ProviderError("content_rejected", "anthropic", "Anthropic declined to answer this prompt.");
    }
    yield { type: "done", text, usage: sawUsage ? usage : null, providerRequestId: requestId, finishReason };
  }

  return {
    id: "anthropic",
    estimateCost: estimateWith("anthropic"),
    async healthCheck() {
      const started = performance.now();
      try {
        const page = await client.models.list({ limit: 100 });
        return { latencyMs: Math.round(performance.now() - started), models: page.data.map((m) => m.id) };
      } catch (error) {
        throw fail(error);
      }
    },
    generateText,
    ...unsupported(
      "Anthropic",
      "generateImage",
      "generateAudio",
      "startVideo",
      "getVideoStatus",
      "getVideoResult",
      "cancelVideo",
    ),
  };
}
