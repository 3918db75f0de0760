import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAnthropicFake } from "@/tests/fakes/anthropic-server";
import { collect, failure } from "@/tests/support/collect";
import { ProviderError } from "../errors";
import { createAnthropic } from ".";

const KEY = "sk-ant-api03-contract-test-0000000000";
let fake: Awaited<ReturnType<typeof startAnthropicFake>>;
let cached: Awaited<ReturnType<typeof startAnthropicFake>>;
const adapter = (url = fake.url) => createAnthropic({ apiKey: KEY, baseURL: url, timeoutMs: 2000 });

beforeAll(async () => {
  fake = await startAnthropicFake({ validKeys: [KEY] });
  cached = await startAnthropicFake({
    validKeys: [KEY],
    usage: { input: 9, output: 30, cacheRead: 3000, cacheWrite: 2000 },
  });
});
afterAll(async () => {
  await fake.close();
  await cached.close();
});

describe("Anthropic adapter (official SDK against a loopback server speaking the Messages SSE format)", () => {
  it("streams text in pieces and captures usage from message_start and message_delta", async () => {
    const { deltas, done } = await collect(
      adapter().generateText({
        model: "claude-sonnet-4-5",
        prompt: "A line about the tide",
        system: "Terse.",
        maxTokens: 100,
        temperature: 0.5,
      }),
    );
    expect(deltas.length).toBeGreaterThan(3);
    expect(done?.text).toBe("Ink-dark tide, the lighthouse counts its slow breaths.");
    expect(done?.usage).toEqual({ inputTokens: 21, outputTokens: 12, cachedInputTokens: 0, cacheWriteTokens: 0 });
    expect(done?.providerRequestId).toMatch(/^msg_fake/);
    expect(done?.finishReason).toBe("end_turn");
    const req = fake.requests.at(-1);
    expect(req?.path).toBe("/v1/messages");
    expect(req?.headers["anthropic-version"]).toBeTruthy();
    expect(JSON.parse(req?.body ?? "{}")).toMatchObject({
      model: "claude-sonnet-4-5",
      max_tokens: 100,
      stream: true,
      system: "Terse.",
      temperature: 0.5,
      messages: [{ role: "user", content: "A line about the tide" }],
    });
  });

  it("reports cache reads and writes", async () => {
    const { done } = await collect(
      adapter(cached.url).generateText({ model: "claude-haiku-4-5", prompt: "hi", maxTokens: 50 }),
    );
    expect(done?.usage).toEqual({ inputTokens: 9, outputTokens: 30, cachedInputTokens: 3000, cacheWriteTokens: 2000 });
  });

  it.each([
    ["[[status:529]]", "unavailable", true],
    ["[[status:500]]", "unavailable", true],
    ["[[status:429]]", "rate_limited", true],
    ["[[refuse]]", "content_rejected", false],
    ["[[hang]]", "timeout", true],
    ["[[cut]]", "unavailable", true],
  ])("maps %s to %s (retryable: %s)", async (marker, kind, retryable) => {
    const error = await failure(adapter().generateText({ model: "claude-sonnet-4-5", prompt: marker, maxTokens: 5 }));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error.kind).toBe(kind);
    expect(error.retryable).toBe(retryable);
    if (kind === "rate_limited") expect(error.extra.retryAfterSeconds).toBe(12);
  });

  it("a wrong key is invalid_key, and the key never appears in the error", async () => {
    const error = await failure(
      createAnthropic({ apiKey: "sk-ant-wrong-0000000000", baseURL: fake.url }).generateText({
        model: "m",
        prompt: "p",
        maxTokens: 5,
      }),
    );
    expect(error.kind).toBe("invalid_key");
    expect(error.retryable).toBe(false);
    expect(`${error.message}${JSON.stringify(error)}`).not.toContain("sk-ant-wrong");
  });

  it("has no image, audio or video: a typed unsupported error", async () => {
    for (const work of [
      adapter().generateImage({ model: "x", prompt: "p", size: "1024x1024", count: 1 }),
      adapter().generateAudio({ model: "x", text: "p" }),
      adapter().startVideo({ model: "x", prompt: "p", seconds: 4 }),
    ]) {
      const error = await failure(work);
      expect(error).toBeInstanceOf(ProviderError);
      expect(error.kind).toBe("unsupported");
    }
  });
});
