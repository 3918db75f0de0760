import "server-only";
import type { ProviderId } from "@/lib/shared/providers";
import { normalizeProviderError } from "@/providers/errors";
import { PROVIDER_FACTORIES } from "@/providers/registry";
import { getConfig } from "../config";
import { log } from "../log";
import { guardedFetch } from "../net/ssrf-guard";

export type KeyCheck = { status: "working" | "failing"; message: string };

/** Where a provider's API is for this user: the operator's override, or the user's base URL for compatible endpoints. */
export function providerBaseUrl(provider: ProviderId, userBaseUrl: string | null | undefined): string | undefined {
  if (provider === "openai-compatible") return userBaseUrl ?? undefined;
  return getConfig().providerBaseUrls[provider];
}

/** The provider's cheapest authenticated call (listing models). Never throws; never echoes the key. */
export async function checkApiKey(input: {
  provider: ProviderId;
  apiKey: string;
  baseUrl?: string | null;
}): Promise<KeyCheck> {
  const baseURL = providerBaseUrl(input.provider, input.baseUrl);
  if (input.provider === "openai-compatible" && !baseURL) {
    return { status: "failing", message: "Set this endpoint's base URL first (Settings → Providers)." };
  }
  const config = getConfig();
  const fetchImpl =
    input.provider === "openai-compatible" ? guardedFetch({ allowPrivate: config.allowPrivateBaseUrls }) : undefined;
  try {
    const adapter = PROVIDER_FACTORIES[input.provider]({
      apiKey: input.apiKey,
      baseURL,
      fetch: fetchImpl,
      timeoutMs: 15_000,
    });
    const result = await adapter.healthCheck();
    log.info("provider key check", { provider: input.provider, status: "working", latencyMs: result.latencyMs });
    return { status: "working", message: `Key works (answered in ${result.latencyMs} ms).` };
  } catch (error) {
    const normalized = normalizeProviderError(input.provider, error, input.apiKey);
    log.warn("provider key check", {
      provider: input.provider,
      status: "failing",
      kind: normalized.kind,
      error: normalized,
    });
    return { status: "failing", message: normalized.message };
  }
}
