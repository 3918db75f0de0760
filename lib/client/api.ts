/** Calls our API and unwraps the envelope; failures throw an ApiError carrying the server's code and details. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }

  /** Field messages from a VALIDATION_ERROR, or a single-field error such as EMAIL_TAKEN. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    const issues = this.details.issues;
    if (Array.isArray(issues)) {
      for (const i of issues as { path: string; message: string }[]) out[i.path] ??= i.message;
    }
    if (typeof this.details.field === "string") out[this.details.field] = this.message;
    return out;
  }
}

/** True when the browser knows it has no connection. */
export function isOffline(): boolean {
  return typeof navigator !== "undefined" && navigator.onLine === false;
}

/** The error for anything that needs the server while there is no connection: nothing was sent, nothing lost. */
export function offlineError(what = "This"): ApiError {
  return new ApiError(
    "OFFLINE",
    `You're offline. ${what} needs a connection — nothing was sent, so nothing is lost. Try again when you're back online.`,
    0,
  );
}

/** The error for a request that never reached the server (offline, or the server is down). */
export function networkError(): ApiError {
  return isOffline()
    ? offlineError()
    : new ApiError("NETWORK_ERROR", "Could not reach Atelier. Check your connection and try again.", 0);
}

export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const method = init.method ?? "GET";
  // Changes are refused offline rather than queued: a queued change could fail later with no one there to see it.
  if (method !== "GET" && isOffline()) throw offlineError();
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers: init.body === undefined ? {} : { "Content-Type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: "same-origin",
    });
  } catch {
    throw networkError();
  }
  const json = (await res.json().catch(() => null)) as
    | { success: true; data: T }
    | { success: false; error: string; message: string; details?: Record<string, unknown> }
    | null;
  if (!json) throw new ApiError("BAD_RESPONSE", "The server sent an unexpected answer.", res.status);
  if (!json.success) throw new ApiError(json.error, json.message, res.status, json.details ?? {});
  return json.data;
}
