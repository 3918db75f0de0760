import "server-only";
import { createOpenAI } from "../openai";
import type { ProviderAdapter, ProviderOptions } from "../types";

/** Any server speaking OpenAI's API (Ollama, LM Studio, OpenRouter, Groq, Together, vLLM) at a user-set base URL. */
export function createOpenAICompatible(options: ProviderOptions): ProviderAdapter {
  if (!options.baseURL) throw new Error("An OpenAI-compatible provider needs a base URL.");
  // Local servers accept any key; the SDK insists on a non-empty one.
  return createOpenAI({ ...options, apiKey: options.apiKey || "not-needed" }, "openai-compatible");
}
