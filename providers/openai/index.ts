import "server-only";
import OpenAI from "openai";
import { normalizeProviderError } from "../errors";
import type { ProviderAdapter, ProviderOptions } from "../types";

export const OPENAI_BASE_URL = "https://api.openai.com/v1";

export function createOpenAIClient(options: ProviderOptions): OpenAI {
  return new OpenAI({
    apiKey: options.apiKey,
    baseURL: options.baseURL ?? OPENAI_BASE_URL,
    fetch: options.fetch,
    timeout: options.timeoutMs ?? 60_000,
    maxRetries: 0, // the router decides about retries and fallbacks
  });
}

export function createOpenAI(options: ProviderOptions, id: "openai" | "openai-compatible" = "openai"): ProviderAdapter {
  const client = createOpenAIClient(options);
  return {
    id,
    async healthCheck() {
      const started = performance.now();
      try {
        const page = await client.models.list();
        return { latencyMs: Math.round(performance.now() - started), models: page.data.map((m) => m.id).slice(0, 200) };
      } catch (error) {
        throw normalizeProviderError(id, error, options.apiKey);
      }
    },
  };
}
