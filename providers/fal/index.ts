import "server-only";
import { createFalClient, type FalClient } from "@fal-ai/client";
import { normalizeProviderError } from "../errors";
import type { ProviderAdapter, ProviderOptions } from "../types";

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

export function createFal(options: ProviderOptions): ProviderAdapter {
  const client = createFalSdkClient(options);
  return {
    id: "fal",
    async healthCheck() {
      const started = performance.now();
      try {
        await client.queue.status(PROBE_MODEL, { requestId: PROBE_REQUEST });
      } catch (error) {
        const status = (error as { status?: number }).status;
        if (status !== 404) throw normalizeProviderError("fal", error, options.apiKey);
      }
      return { latencyMs: Math.round(performance.now() - started), models: [] };
    },
  };
}
