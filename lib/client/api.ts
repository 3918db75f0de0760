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

export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: init.method ?? "GET",
      headers: init.body === undefined ? {} : { "Content-Type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError("NETWORK_ERROR", "Could not reach Atelier. Check your connection and try again.", 0);
  }
  const json = (await res.json().catch(() => null)) as
    | { success: true; data: T }
    | { success: false; error: string; message: string; details?: Record<string, unknown> }
    | null;
  if (!json) throw new ApiError("BAD_RESPONSE", "The server sent an unexpected answer.", res.status);
  if (!json.success) throw new ApiError(json.error, json.message, res.status, json.details ?? {});
  return json.data;
}
