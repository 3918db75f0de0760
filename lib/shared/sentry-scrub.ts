import { redact } from "./redact";

/**
 * What may leave the app in an error report. Sentry events are scrubbed here before sending (`beforeSend`,
 * `beforeSendTransaction`, `beforeBreadcrumb`) on the server, the edge and in the browser:
 * - request bodies, cookies and environment are dropped (bodies carry prompts and API keys), and only a few
 *   harmless headers are kept;
 * - the user is reduced to an id (no e-mail, no IP address);
 * - anything named like a prompt or a message body is removed, anything named like a secret is redacted, and
 *   secret-looking values (API keys, bearer tokens, JWTs, vault ciphertext) are redacted inside every string,
 *   exception messages and URLs included;
 * - local variables captured on stack frames are dropped.
 */
const PROMPT_KEYS = /^(prompt|negative_?prompt|system(_?prompt)?|messages?|text|input|content|body|data|transcript)$/i;
const SAFE_HEADERS = new Set(["accept", "content-type", "content-length", "user-agent", "x-request-id", "host"]);

function stripPrompts(value: unknown, depth = 0): unknown {
  if (depth > 8 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => stripPrompts(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, PROMPT_KEYS.test(k) ? "[removed]" : stripPrompts(v, depth + 1)]),
  );
}

type Loose = Record<string, unknown>;
// Deep enough for exception → values → frames → frame fields.
const DEPTH = 14;

function scrubRequest(request: Loose | undefined): Loose | undefined {
  if (!request) return request;
  const { cookies: _c, data: _d, env: _e, headers, ...rest } = request;
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries((headers as Record<string, string>) ?? {})) {
    if (SAFE_HEADERS.has(name.toLowerCase())) kept[name] = String(value);
  }
  return { ...rest, headers: kept };
}

function scrubBreadcrumb(crumb: Loose): Loose {
  const data = crumb.data as Loose | undefined;
  return redact({ ...crumb, ...(data ? { data: stripPrompts(data) } : {}) }, 0, DEPTH) as Loose;
}

export function scrubBreadcrumbOrNull<T>(crumb: T): T | null {
  return crumb ? (scrubBreadcrumb(crumb as Loose) as T) : null;
}

export function scrubEvent<T>(event: T): T {
  const e = { ...(event as Loose) };
  e.request = scrubRequest(e.request as Loose | undefined);
  if (e.user) e.user = (e.user as Loose).id ? { id: (e.user as Loose).id } : undefined;
  if (Array.isArray(e.breadcrumbs)) e.breadcrumbs = (e.breadcrumbs as Loose[]).map(scrubBreadcrumb);
  const exception = e.exception as { values?: Loose[] } | undefined;
  if (exception?.values) {
    e.exception = {
      ...exception,
      values: exception.values.map((v) => {
        const st = v.stacktrace as { frames?: Loose[] } | undefined;
        return st?.frames
          ? { ...v, stacktrace: { ...st, frames: st.frames.map(({ vars: _v, ...frame }) => frame) } }
          : v;
      }),
    };
  }
  for (const key of ["extra", "contexts"] as const) if (e[key]) e[key] = stripPrompts(e[key]);
  return redact(e, 0, DEPTH) as T;
}
