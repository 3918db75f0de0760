import { z } from "zod";

// Part of the configuration (lib/server/config.ts re-exports it), kept apart because it is also read where Node's
// modules are not available (the edge runtime) and where the rest of the configuration must not be required
// (the root layout, which also renders at build time, and the proxy).

export type SentryConfig = { dsn: string; environment: string };

/** SENTRY_DSN (and SENTRY_ENVIRONMENT); undefined when unset, or when not an http(s) URL (reporting stays off). */
export function getSentryConfig(env: Record<string, string | undefined> = process.env): SentryConfig | undefined {
  const dsn = env.SENTRY_DSN?.trim();
  if (!dsn || !z.url({ protocol: /^https?$/ }).safeParse(dsn).success) return undefined;
  return { dsn, environment: env.SENTRY_ENVIRONMENT?.trim() || env.NODE_ENV || "production" };
}
