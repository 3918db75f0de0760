"use client";

import { useEffect } from "react";
import { sentryOptions } from "@/lib/shared/sentry-options";

/**
 * Browser error reporting, rendered by the root layout only when SENTRY_DSN is set. The SDK is loaded after the
 * page, in its own chunk, so without a DSN not a byte of it reaches the browser.
 */
export function SentryBrowser(props: { dsn: string; environment: string }) {
  const { dsn, environment } = props;
  useEffect(() => {
    void import("@sentry/nextjs").then((Sentry) => {
      if (!Sentry.getClient()) Sentry.init(sentryOptions({ dsn, environment }));
    });
  }, [dsn, environment]);
  return null;
}
