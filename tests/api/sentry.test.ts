import { gunzipSync } from "node:zlib";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { parseConfig, setConfig } from "@/lib/server/config";
import type { Database } from "@/lib/server/db/client";
import { withUser } from "@/lib/server/http/route";
import { flushServerSentry, initServerSentry, resetServerSentry } from "@/lib/server/observability/sentry";
import { type RecordedRequest, startLoopback } from "../fakes/loopback";
import { createUser, sessionCookie, useTestDatabase } from "../support/db";
import { call } from "../support/http";

// A loopback stand-in for Sentry's ingest endpoint: it records every envelope the SDK sends.
const SECRET_KEY = "sk-proj-SENTRYLEAKTEST000000000000000001";
const PROMPT = "a private prompt about my unreleased album";

let database: Database;
let ingest: Awaited<ReturnType<typeof startLoopback>>;
beforeAll(async () => {
  database = await useTestDatabase();
  ingest = await startLoopback((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end("{}");
  });
});
afterEach(async () => {
  await resetServerSentry();
  setConfig(undefined);
});
afterAll(async () => {
  await ingest.close();
  await database.close();
});

const envelopeText = (r: RecordedRequest) =>
  r.headers["content-encoding"] === "gzip" ? gunzipSync(r.raw).toString("utf8") : r.body;

// A route that fails unexpectedly, with a key in the error message and a driver-style second line holding the prompt.
const exploding = withUser({}, async () => {
  throw new Error(`upstream exploded for ${SECRET_KEY}\nparameters: ["${PROMPT}"]`);
});

async function failingRequest() {
  const user = await createUser(database);
  const cookie = await sessionCookie(database, user.id);
  const res = await call(exploding, {
    method: "POST",
    path: "/api/explode?token=abc123secretvalue",
    cookie,
    headers: { authorization: `Bearer ${SECRET_KEY}`, "x-api-key": SECRET_KEY },
    body: { prompt: PROMPT, apiKey: SECRET_KEY },
  });
  return { res, cookie, user };
}

describe("error reporting (Sentry)", () => {
  it("without SENTRY_DSN nothing is loaded and nothing is sent", async () => {
    setConfig(parseConfig({ NODE_ENV: "test" }));
    expect(await initServerSentry()).toBeNull();
    const before = ingest.requests.length;
    const { res } = await failingRequest();
    expect(res.status).toBe(500);
    expect(res.json).toMatchObject({ success: false, error: "INTERNAL_ERROR" });
    expect(await flushServerSentry()).toBe(true);
    await new Promise((r) => setTimeout(r, 200));
    expect(ingest.requests.length).toBe(before);
  });

  it("with SENTRY_DSN an unexpected error is reported with its request id, scrubbed of keys, cookies and prompts", async () => {
    const dsnHost = ingest.url.replace("http://", "");
    setConfig(parseConfig({ NODE_ENV: "test", SENTRY_DSN: `http://publickey@${dsnHost}/42` }));
    const Sentry = await initServerSentry();
    expect(Sentry).not.toBeNull();
    const before = ingest.requests.length;
    const { res, cookie, user } = await failingRequest();
    expect(res.status).toBe(500);
    const requestId = res.headers.get("x-request-id");
    expect(await flushServerSentry(5000)).toBe(true);

    const sent = ingest.requests.slice(before).filter((r) => r.path.startsWith("/api/42/envelope"));
    expect(sent.length).toBeGreaterThan(0);
    const text = sent.map(envelopeText).join("\n");
    const events = text
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line))
      .filter((item) => item.exception);
    expect(events).toHaveLength(1);
    const event = events[0];
    expect(event.tags.request_id).toBe(requestId);
    expect(event.exception.values[0].value).toBe("upstream exploded for [redacted]");
    expect(event.exception.values[0].stacktrace.frames.length).toBeGreaterThan(0);
    // Nothing secret or private anywhere in what left the process.
    expect(text).not.toContain(SECRET_KEY);
    expect(text).not.toContain(PROMPT);
    expect(text).not.toContain(cookie.split("=")[1] as string);
    expect(text).not.toContain(user.email);
  });
});
