import "server-only";
import type { ProviderId } from "@/lib/shared/providers";

/** What every adapter factory takes: the user's key, where the API lives, and the fetch to reach it with. */
export type ProviderOptions = {
  apiKey: string;
  baseURL?: string;
  fetch?: typeof fetch;
  /** Per-request timeout; a provider that hangs longer fails with `timeout`. */
  timeoutMs?: number;
};

export type HealthCheckResult = { latencyMs: number; models: string[] };

/** The seed's BaseProvider, as a plain object a factory returns. Capabilities an adapter lacks throw `unsupported`. */
export interface ProviderAdapter {
  readonly id: ProviderId;
  /** The cheapest authenticated call the provider has (listing models); throws a ProviderError. */
  healthCheck(): Promise<HealthCheckResult>;
}
