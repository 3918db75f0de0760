import "server-only";
import type { ProviderId } from "@/lib/shared/providers";
import { PROVIDER_FACTORIES } from "@/providers/registry";
import type { ProviderAdapter } from "@/providers/types";
import { providerBaseUrl } from "../api-keys/check-api-key";
import { getConfig } from "../config";
import { guardedFetch } from "../net/ssrf-guard";

// How long a provider may take before it is cut off and counted as a timeout.
const TIMEOUT_MS: Record<string, number> = { text: 120_000, image: 180_000, audio: 120_000, video: 60_000 };

/** An adapter for one call: the user's key, the operator's (or user's) base URL, and the SSRF guard for user URLs. */
export function adapterFor(
  provider: ProviderId,
  { apiKey, baseUrl, type }: { apiKey: string; baseUrl: string | null; type: string },
): ProviderAdapter {
  const config = getConfig();
  return PROVIDER_FACTORIES[provider]({
    apiKey,
    baseURL: providerBaseUrl(provider, baseUrl),
    fetch: provider === "openai-compatible" ? guardedFetch({ allowPrivate: config.allowPrivateBaseUrls }) : undefined,
    timeoutMs: config.providerTimeoutMs ?? TIMEOUT_MS[type],
  });
}
