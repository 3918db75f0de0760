import "server-only";
import Anthropic from "@anthropic-ai/sdk";
import { normalizeProviderError } from "../errors";
import type { ProviderAdapter, ProviderOptions } from "../types";

export const ANTHROPIC_BASE_URL = "https://api.anthropic.com";

export function createAnthropicClient(options: ProviderOptions): Anthropic {
  return new Anthropic({
    apiKey: options.apiKey,
    baseURL: options.baseURL ?? ANTHROPIC_BASE_URL,
    fetch: options.fetch,
    timeout: options.timeoutMs ?? 60_000,
    maxRetries: 0,
  });
}

export function createAnthropic(options: ProviderOptions): ProviderAdapter {
  const client = createAnthropicClient(options);
  return {
    id: "anthropic",
    async healthCheck() {
      const started = performance.now();
      try {
        const page = await client.models.list({ limit: 100 });
        return { latencyMs: Math.round(performance.now() - started), models: page.data.map((m) => m.id) };
      } catch (error) {
        throw normalizeProviderError("anthropic", error, options.apiKey);
      }
    },
  };
}
