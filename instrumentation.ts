import type { Instrumentation } from "next";

// Runs once when the server starts: validate configuration, print the mode, open (and migrate) the database,
// and start error reporting if SENTRY_DSN is set.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startServer } = await import("./lib/server/startup");
    await startServer();
    const { initServerSentry } = await import("./lib/server/observability/sentry");
    await initServerSentry();
  } else if (process.env.NEXT_RUNTIME === "edge") {
    // Nothing runs on the edge runtime today (the proxy runs on Node.js); anything that does reports the same way.
    const { getSentryConfig } = await import("./lib/server/config-sentry");
    const config = getSentryConfig();
    if (config) {
      const [Sentry, { sentryOptions }] = await Promise.all([
        import("@sentry/nextjs"),
        import("./lib/shared/sentry-options"),
      ]);
      Sentry.init(sentryOptions(config));
    }
  }
}

/** Errors Next.js itself catches (rendering, server actions, route handlers that throw past our wrapper). */
export const onRequestError: Instrumentation.onRequestError = async (...args) => {
  const { getSentryConfig } = await import("./lib/server/config-sentry");
  if (!getSentryConfig()) return;
  const Sentry = await import("@sentry/nextjs");
  Sentry.captureRequestError(...args);
};
