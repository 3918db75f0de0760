import "server-only";
import { ProviderError } from "./errors";
import type { ProviderAdapter } from "./types";

type Generation = Exclude<keyof ProviderAdapter, "id" | "healthCheck">;

/** The generation methods an adapter does not have: each throws a typed `unsupported` error. */
export function unsupported<M extends Generation>(provider: string, ...methods: M[]): Pick<ProviderAdapter, M> {
  const refuse = (method: string) => () => {
    throw new ProviderError("unsupported", provider, `${provider} cannot do ${method}.`);
  };
  const out: Record<string, unknown> = {};
  for (const m of methods) {
    out[m] =
      m === "generateText"
        ? // an async iterable that throws on first pull, like a real stream would
          () => ({
            [Symbol.asyncIterator]() {
              return {
                next: () => Promise.reject(new ProviderError("unsupported", provider, `${provider} cannot do ${m}.`)),
              };
            },
          })
        : async () => refuse(m)();
  }
  return out as Pick<ProviderAdapter, M>;
}
