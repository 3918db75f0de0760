"use client";

import { QueryClient } from "@tanstack/react-query";
import { ApiError } from "@/lib/client/api";

/** Shared React Query defaults: no retry on 4xx (a 401 will not fix itself), short staleness. */
export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      },
    },
  });
}
