/**
 * Redaction shared by the server's logs and the error reports sent to Sentry (server, edge and browser):
 * secret-named fields are replaced whole, secret-looking values wherever they appear inside a string.
 */
export const SECRET_KEYS = /pass(word)?|secret|token|api[-_]?key|authorization|cookie|master|session|dsn/i;

const SECRET_VALUE_PATTERNS = [
  /\bsk-ant-[A-Za-z0-9_-]{8,}/, // Anthropic
  /\bsk-[A-Za-z0-9_-]{8,}/, // OpenAI and most OpenAI-compatible services
  /\bkey-[A-Za-z0-9_-]{16,}/,
  /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}:[0-9a-f]{16,}\b/i, // fal.ai id:secret
  /\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/, // JWTs (Supabase sessions and keys)
  /\bBearer\s+[A-Za-z0-9._~+/=-]{8,}/i,
  /\bv1\.[A-Za-z0-9_-]+\.[A-Za-z0-9+/=]{40,}/, // the vault's ciphertext format
];
export const SECRET_VALUES = new RegExp(SECRET_VALUE_PATTERNS.map((p) => p.source).join("|"), "gi");

/** Replaces secret-looking fields and values, recursively. */
export function redact(value: unknown, depth = 0, maxDepth = 6): unknown {
  if (depth > maxDepth) return "[…]";
  if (typeof value === "string") return value.replace(SECRET_VALUES, "[redacted]");
  if (value instanceof Error) return { name: value.name, message: redact(value.message, depth + 1, maxDepth) };
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1, maxDepth));
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, SECRET_KEYS.test(k) ? "[redacted]" : redact(v, depth + 1, maxDepth)]),
    );
  }
  return value;
}
