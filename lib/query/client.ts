"use client";

import { QueryClient } from "@tanstack/react-query";
import { ApiError } from "@/lib/client/api";

/**
 * Shared React Query defaults: no retry on 4xx (a 401 will not fix itself), short staleness.
 * Queries run even offline ("offlineFirst"): the service worker answers from its cache what was seen before.
 * Mutations always run, so offline they fail at once with a clear message instead of waiting silently.
 */
export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
        networkMode: "offlineFirst",
      },
      mutations: { networkMode: "always" },
    },
  });
}
