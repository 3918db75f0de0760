/** The providers Atelier speaks to, their labels, and what each can generate. Shared by browser and server. */
export const PROVIDER_IDS = ["openai", "anthropic", "fal", "openai-compatible"] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

export const GENERATION_TYPES = ["text", "image", "video", "audio"] as const;
export type GenerationType = (typeof GENERATION_TYPES)[number];

export const PROVIDERS: Record<
  ProviderId,
  { label: string; types: readonly GenerationType[]; keyRequired: boolean; keyPlaceholder: string }
> = {
  openai: { label: "OpenAI", types: ["text", "image", "video", "audio"], keyRequired: true, keyPlaceholder: "sk-…" },
  anthropic: { label: "Anthropic", types: ["text"], keyRequired: true, keyPlaceholder: "sk-ant-…" },
  fal: { label: "fal.ai", types: ["image", "video", "audio"], keyRequired: true, keyPlaceholder: "key-id:key-secret" },
  "openai-compatible": {
    label: "OpenAI-compatible (Ollama, OpenRouter, …)",
    types: ["text", "image"],
    keyRequired: false,
    keyPlaceholder: "optional for local servers",
  },
};

/** The order providers are tried in until the user chooses one. */
export const DEFAULT_PRIORITY: readonly ProviderId[] = PROVIDER_IDS;
