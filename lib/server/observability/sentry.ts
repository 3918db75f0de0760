import "server-only";
import { sentryOptions } from "@/lib/shared/sentry-options";
import { getConfig } from "../config";
import { firstErrorLine } from "../log";

type SentryModule = typeof import("@sentry/nextjs");

let started: Promise<SentryModule | null> | null = null;

/**
 * Starts error reporting on the Node server when SENTRY_DSN is set; without it, the SDK is not even loaded.
 * Called once from instrumentation.ts.
 */
export function initServerSentry(): Promise<SentryModule | null> {
  started ??= (async () => {
    const config = getConfig().sentry;
    if (!config) return null;
    const Sentry = await import("@sentry/nextjs");
    Sentry.init(sentryOptions(config));
    return Sentry;
  })();
  return started;
}

/** Reports an unexpected server error (a 5xx) with its request id; a no-op when reporting is off. */
export async function reportServerError(
  error: unknown,
  context: { requestId: string; method: string; path: string },
): Promise<void> {
  const Sentry = started ? await started : null;
  if (!Sentry) return;
  Sentry.captureException(firstLineOnly(error), {
    tags: { request_id: context.requestId },
    extra: { method: context.method, path: context.path },
  });
}

/**
 * The error as reported: its name, the first line of its message and its stack frames. As in the logs, a database
 * driver's later lines (query parameters, which may hold a prompt) stay out.
 */
function firstLineOnly(error: unknown): Error {
  const e = error as { name?: string; stack?: string } | null;
  const line = firstErrorLine(error);
  const reported = new Error(line);
  reported.name = e?.name ?? "Error";
  const frames = (e?.stack ?? "").split("\n").filter((l) => /^\s+at /.test(l));
  reported.stack = [`${reported.name}: ${line}`, ...frames].join("\n");
  return reported;
}

/** Waits until queued reports are sent (tests, shutdown). */
export async function flushServerSentry(timeoutMs = 2000): Promise<boolean> {
  const Sentry = started ? await started : null;
  return Sentry ? Sentry.flush(timeoutMs) : true;
}

/** Tests only: forget the started client so a later init reads the configuration again. */
export async function resetServerSentry(): Promise<void> {
  const Sentry = started ? await started : null;
  started = null;
  if (Sentry) await Sentry.close(2000);
}
