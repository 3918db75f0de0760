import { describe, expect, it } from "vitest";
import { scrubBreadcrumbOrNull, scrubEvent } from "@/lib/shared/sentry-scrub";

const KEYS = {
  openai: "sk-proj-abcdefghijklmnop1234567890",
  anthropic: "sk-ant-api03-abcdefghijklmnop123456",
  fal: "12345678-abcd-4abc-8abc-1234567890ab:0123456789abcdef0123456789abcdef",
  jwt: "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ",
};
const PROMPT = "a portrait of my neighbour, private";

describe("scrubEvent", () => {
  const event = {
    event_id: "e1",
    message: `failed with ${KEYS.openai}`,
    request: {
      url: "https://atelier.example/api/generate",
      method: "POST",
      headers: {
        cookie: "atelier_session=s3cr3t",
        authorization: `Bearer ${KEYS.anthropic}`,
        "x-api-key": KEYS.anthropic,
        "user-agent": "Mozilla/5.0",
        "x-request-id": "req-1",
      },
      cookies: { atelier_session: "s3cr3t" },
      data: JSON.stringify({ prompt: PROMPT, key: KEYS.fal }),
      query_string: `next=/x&token=${KEYS.jwt}`,
      env: { SECRET: "x" },
    },
    user: { id: "u1", email: "me@example.test", ip_address: "203.0.113.9" },
    exception: {
      values: [
        {
          type: "Error",
          value: `provider said no to ${KEYS.fal}`,
          stacktrace: { frames: [{ filename: "app.js", lineno: 3, vars: { prompt: PROMPT, key: KEYS.openai } }] },
        },
      ],
    },
    breadcrumbs: [
      { category: "fetch", data: { url: "/api/generate", method: "POST", body: PROMPT } },
      { category: "console", message: `logging ${KEYS.jwt}` },
    ],
    extra: { prompt: PROMPT, nested: { systemPrompt: PROMPT, count: 2 }, apiKey: KEYS.openai },
    contexts: { generation: { messages: [{ role: "user", content: PROMPT }], provider: "openai" } },
    tags: { request_id: "req-1" },
  };
  const out = scrubEvent(event);
  const text = JSON.stringify(out);

  it("removes every key, cookie, token, e-mail, IP address and prompt", () => {
    for (const secret of [...Object.values(KEYS), "s3cr3t", "me@example.test", "203.0.113.9", PROMPT]) {
      expect(text).not.toContain(secret);
    }
  });

  it("keeps what makes the report useful", () => {
    expect(out.request).toMatchObject({
      url: "https://atelier.example/api/generate",
      method: "POST",
      headers: { "user-agent": "Mozilla/5.0", "x-request-id": "req-1" },
    });
    expect(out.request).not.toHaveProperty("data");
    expect(out.request).not.toHaveProperty("cookies");
    expect(out.request.headers).not.toHaveProperty("authorization");
    expect(out.user).toEqual({ id: "u1" });
    expect(out.exception.values[0]).toMatchObject({
      type: "Error",
      value: "provider said no to [redacted]",
      stacktrace: { frames: [{ filename: "app.js", lineno: 3 }] },
    });
    expect(out.exception.values[0]?.stacktrace.frames[0]).not.toHaveProperty("vars");
    expect(out.extra).toMatchObject({ prompt: "[removed]", nested: { systemPrompt: "[removed]", count: 2 } });
    expect(out.contexts.generation.provider).toBe("openai");
    expect(out.tags).toEqual({ request_id: "req-1" });
    expect(out.message).toBe("failed with [redacted]");
  });

  it("scrubs breadcrumbs on their own too", () => {
    const crumb = scrubBreadcrumbOrNull({ category: "fetch", data: { url: `/x?k=${KEYS.openai}`, body: PROMPT } });
    expect(JSON.stringify(crumb)).not.toContain(KEYS.openai);
    expect(JSON.stringify(crumb)).not.toContain(PROMPT);
    expect(scrubBreadcrumbOrNull(null)).toBeNull();
  });
});
