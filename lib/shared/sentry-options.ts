import { scrubBreadcrumbOrNull, scrubEvent } from "./sentry-scrub";

/**
 * The Sentry options every runtime (Node server, edge, browser) starts with: errors only (no tracing — no sample
 * rate is set — and no session replay), no default PII, and every event and breadcrumb scrubbed of keys, cookies and prompts before it leaves.
 */
export function sentryOptions(config: { dsn: string; environment: string }) {
  return {
    dsn: config.dsn,
    environment: config.environment,
    sendDefaultPii: false,
    maxBreadcrumbs: 30,
    beforeSend: scrubEvent,
    beforeBreadcrumb: scrubBreadcrumbOrNull,
  };
}
