import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PNG_1x1 } from "@/tests/fakes/media";
import { startOpenAIFake } from "@/tests/fakes/openai-server";
import { collect, failure } from "@/tests/support/collect";
import { ProviderError } from "../errors";
import { createOpenAICompatible } from "../openai-compatible";
import { createOpenAI } from ".";

const KEY = "sk-proj-contract-test-key-0000000000";
let fake: Awaited<ReturnType<typeof startOpenAIFake>>;
let noUsage: Awaited<ReturnType<typeof startOpenAIFake>>;
const adapter = () => createOpenAI({ apiKey: KEY, baseURL: `${fake.url}/v1`, timeoutMs: 2000 });
const lastBody = () => JSON.parse(fake.requests.at(-1)?.body ?? "{}");

beforeAll(async () => {
  fake = await startOpenAIFake({ validKeys: [KEY] });
  noUsage = await startOpenAIFake({ validKeys: [KEY], usage: null });
});
afterAll(async () => {
  await fake.close();
  await noUsage.close();
});

describe("OpenAI adapter (official SDK against a loopback server speaking OpenAI's wire format)", () => {
  it("streams chat completions in pieces and captures usage from the final chunk", async () => {
    const { deltas, done } = await collect(
      adapter().generateText({
        model: "gpt-4o",
        prompt: "Write a line about the sea",
        system: "Be brief",
        maxTokens: 64,
        temperature: 0.7,
      }),
    );
    expect(deltas.length).toBeGreaterThan(3);
    expect(done?.text).toBe("Silver waves whisper under a patient moon.");
    expect(deltas.join("")).toBe(done?.text);
    expect(done?.usage).toEqual({ inputTokens: 18, cachedInputTokens: 0, outputTokens: 47 });
    expect(done?.providerRequestId).toMatch(/^chatcmpl-/);
    expect(done?.finishReason).toBe("stop");
    const req = fake.requests.at(-1);
    expect(req?.path).toBe("/v1/chat/completions");
    expect(req?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(lastBody()).toMatchObject({
      model: "gpt-4o",
      stream: true,
      stream_options: { include_usage: true },
      max_completion_tokens: 64,
      temperature: 0.7,
      messages: [
        { role: "system", content: "Be brief" },
        { role: "user", content: "Write a line about the sea" },
      ],
    });
  });

  it("ends with usage null when the stream carries no usage chunk", async () => {
    const a = createOpenAI({ apiKey: KEY, baseURL: `${noUsage.url}/v1` });
    const { done } = await collect(a.generateText({ model: "gpt-4o", prompt: "hi", maxTokens: 10 }));
    expect(done?.text.length).toBeGreaterThan(0);
    expect(done?.usage).toBeNull();
  });

  it("generates images as bytes (gpt-image-1) with billed prompt tokens, and asks DALL·E for base64", async () => {
    const result = await adapter().generateImage({
      model: "gpt-image-1",
      prompt: "a red fox",
      size: "1024x1536",
      quality: "high",
      count: 2,
    });
    expect(lastBody()).toEqual({ model: "gpt-image-1", prompt: "a red fox", n: 2, size: "1024x1536", quality: "high" });
    expect(result.images).toHaveLength(2);
    expect(Buffer.from(result.images[0]?.data ?? []).equals(PNG_1x1)).toBe(true);
    expect(result.images[0]).toMatchObject({ mimeType: "image/png", width: 1024, height: 1536 });
    expect(result.inputTokens).toBe(40);

    const dalle = await adapter().generateImage({
      model: "dall-e-3",
      prompt: "a lighthouse",
      size: "1792x1024",
      quality: "hd",
      count: 1,
    });
    expect(lastBody()).toMatchObject({
      model: "dall-e-3",
      response_format: "b64_json",
      size: "1792x1024",
      quality: "hd",
      n: 1,
    });
    expect(dalle.revisedPrompt).toContain("a lighthouse");
  });

  it("speaks text to audio bytes with the voice and format asked for", async () => {
    const result = await adapter().generateAudio({
      model: "gpt-4o-mini-tts",
      text: "Hello there",
      voice: "coral",
      format: "mp3",
    });
    expect(lastBody()).toEqual({
      model: "gpt-4o-mini-tts",
      input: "Hello there",
      voice: "coral",
      response_format: "mp3",
    });
    expect(result.audio.mimeType).toBe("audio/mpeg");
    expect(result.audio.data?.[0]).toBe(0xff);
    expect(result.providerRequestId).toBe("req_fake_speech");
    expect(result.characters).toBe(11);
  });

  it("runs a Sora video job: create (multipart), poll, download", async () => {
    const a = adapter();
    const job = await a.startVideo({ model: "sora-2", prompt: "a paper boat", seconds: 8, size: "1280x720" });
    const created = fake.requests.at(-1);
    expect(created?.path).toBe("/v1/videos");
    expect(String(created?.headers["content-type"])).toMatch(/^multipart\/form-data/);
    expect(created?.body).toContain("a paper boat");
    expect(job.jobId).toMatch(/^video_fake_/);
    const states = [];
    for (let i = 0; i < 3; i++) states.push((await a.getVideoStatus(job)).state);
    expect(states).toEqual(["queued", "running", "completed"]);
    const result = await a.getVideoResult(job);
    expect(result.video).toMatchObject({ mimeType: "video/mp4", durationSeconds: 8, width: 1280, height: 720 });
    expect(
      Buffer.from(result.video.data ?? [])
        .subarray(4, 8)
        .toString(),
    ).toBe("ftyp");
    await a.cancelVideo(job);
    expect(fake.requests.at(-1)?.method).toBe("DELETE");
  });

  it.each([
    ["[[status:401]]", "invalid_key", false, "wrong key"],
    ["[[status:429]]", "rate_limited", true, "rate limit"],
    ["[[status:500]]", "unavailable", true, "server error"],
    ["[[status:503]]", "unavailable", true, "unavailable"],
    ["[[status:400]]", "bad_request", false, "bad request"],
    ["[[refuse]]", "content_rejected", false, "content policy"],
    ["[[hang]]", "timeout", true, "hang"],
  ])("maps %s to %s (retryable: %s)", async (marker, kind, retryable) => {
    const a =
      marker === "[[status:401]]"
        ? createOpenAI({ apiKey: "sk-wrong-key-123456789", baseURL: `${fake.url}/v1` })
        : adapter();
    const error = await failure(a.generateText({ model: "gpt-4o", prompt: `please ${marker}`, maxTokens: 5 }));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error.kind).toBe(kind);
    expect(error.retryable).toBe(retryable);
    if (kind === "rate_limited") expect(error.extra.retryAfterSeconds).toBe(7);
    expect(error.message).not.toContain("sk-wrong-key");
    expect(JSON.stringify(error)).not.toContain(KEY);
  });

  it("a stream cut midway fails as unavailable after the pieces already received", async () => {
    const deltas: string[] = [];
    const error = await failure(
      (async function* () {
        for await (const e of adapter().generateText({ model: "gpt-4o", prompt: "[[cut]]", maxTokens: 5 })) {
          if (e.type === "delta") deltas.push(e.text);
          yield e;
        }
      })(),
    );
    expect(deltas.length).toBeGreaterThan(0);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error.retryable).toBe(true);
  });

  it("an OpenAI-compatible endpoint gets max_tokens and the user's base URL, with no key needed", async () => {
    const open = await startOpenAIFake({ validKeys: ["not-needed"] });
    const a = createOpenAICompatible({ apiKey: "", baseURL: `${open.url}/v1` });
    const { done } = await collect(a.generateText({ model: "llama3.2", prompt: "hi", maxTokens: 12 }));
    expect(done?.text.length).toBeGreaterThan(0);
    expect(JSON.parse(open.requests.at(-1)?.body ?? "{}")).toMatchObject({ model: "llama3.2", max_tokens: 12 });
    const err = await failure(a.startVideo({ model: "x", prompt: "p", seconds: 4 }));
    expect(err.kind).toBe("unsupported");
    await open.close();
  });
});

describe("estimateCost (the seed's BaseProvider method)", () => {
  it("prices from the catalog, with user prices for compatible endpoints, and refuses unknown models", () => {
    expect(
      adapter().estimateCost("gpt-4o", { type: "text", prompt: "Write a poem about the sea at night.", maxTokens: 50 })
        .cents,
    ).toBe("0.05375");
    const compatible = createOpenAICompatible({
      apiKey: "",
      baseURL: "http://localhost:1/v1",
      customPrices: { "llama3.2": { outputPerMillion: "1.00" } },
    });
    expect(compatible.estimateCost("llama3.2", { type: "text", prompt: "hi", maxTokens: 1000 }).cents).toBe("0.1");
    expect(compatible.estimateCost("mistral", { type: "text", prompt: "hi", maxTokens: 1000 }).cents).toBe("0");
    expect(() => adapter().estimateCost("gpt-99", { type: "text", prompt: "hi", maxTokens: 1 })).toThrow(ProviderError);
  });
});
