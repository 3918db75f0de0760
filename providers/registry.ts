import "server-only";
import type { ProviderId } from "@/lib/shared/providers";
import { createAnthropic } from "./anthropic";
import { createFal } from "./fal";
import { createOpenAI } from "./openai";
import { createOpenAICompatible } from "./openai-compatible";
import type { ProviderAdapter, ProviderOptions } from "./types";

/** Every adapter factory, by provider id. No fallback: an unknown id is a type error, not a silent OpenAI. */
export const PROVIDER_FACTORIES: Record<ProviderId, (options: ProviderOptions) => ProviderAdapter> = {
  openai: (o) => createOpenAI(o),
  anthropic: createAnthropic,
  fal: createFal,
  "openai-compatible": createOpenAICompatible,
};
