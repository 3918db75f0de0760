import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFalFake } from "@/tests/fakes/fal-server";
import { startLoopback } from "@/tests/fakes/loopback";
import { failure } from "@/tests/support/collect";
import { ProviderError } from "../errors";
import { createFal } from ".";
import { parseFalWebhook } from "./webhook";

const KEY = "fal-key-id:fal-key-secret-0000000000";
let fake: Awaited<ReturnType<typeof startFalFake>>;
const adapter = () => createFal({ apiKey: KEY, baseURL: fake.url, pollIntervalMs: 5, timeoutMs: 3000 });

beforeAll(async () => {
  fake = await startFalFake({ validKeys: [KEY] });
});
afterAll(() => fake.close());

describe("fal adapter (@fal-ai/client against a loopback server speaking fal's queue API)", () => {
  it("generates FLUX images through the queue: submit, status, result", async () => {
    const result = await adapter().generateImage({
      model: "fal-ai/flux/schnell",
      prompt: "a glass teapot",
      size: "1024x768",
      count: 2,
    });
    const submit = fake.requests.find((r) => r.method === "POST");
    expect(submit?.path).toBe("/queue/fal-ai/flux/schnell");
    expect(submit?.headers.authorization).toBe(`Key ${KEY}`);
    expect(JSON.parse(submit?.body ?? "{}")).toMatchObject({
      prompt: "a glass teapot",
      image_size: { width: 1024, height: 768 },
      num_images: 2,
      enable_safety_checker: true,
    });
    expect(fake.requests.filter((r) => r.path.includes("/status")).length).toBeGreaterThanOrEqual(2);
    expect(result.providerRequestId).toMatch(/^fal-req-/);
    expect(result.images).toHaveLength(2);
    expect(result.images[0]).toMatchObject({ mimeType: "image/png", width: 1024, height: 768 });
    expect(result.images[0]?.url).toMatch(new RegExp(`^${fake.url}/files/`));
  });

  it("refuses content the safety checker flags", async () => {
    const error = await failure(
      adapter().generateImage({ model: "fal-ai/flux/dev", prompt: "[[refuse]]", size: "1024x1024", count: 1 }),
    );
    expect(error.kind).toBe("content_rejected");
  });

  it("speaks text with Kokoro", async () => {
    const result = await adapter().generateAudio({
      model: "fal-ai/kokoro/american-english",
      text: "Good evening",
      voice: "af_bella",
    });
    expect(JSON.parse(fake.requests.filter((r) => r.method === "POST").at(-1)?.body ?? "{}")).toMatchObject({
      prompt: "Good evening",
      voice: "af_bella",
    });
    expect(result.audio).toMatchObject({ mimeType: "audio/wav" });
    expect(result.characters).toBe(12);
  });

  it.each(["fal-ai/kling-video/v2.1/master/text-to-video", "fal-ai/minimax/hailuo-02/standard/text-to-video"])(
    "runs a %s job: submit with webhook, queue position, result, and cancel",
    async (model) => {
      const a = adapter();
      const job = await a.startVideo({
        model,
        prompt: "a kite over dunes",
        seconds: model.includes("kling") ? 5 : 6,
        aspectRatio: "16:9",
        webhookUrl: "https://atelier.example/api/webhooks/fal/abc",
      });
      const submit = fake.requests.filter((r) => r.method === "POST").at(-1);
      expect(submit?.path).toBe(
        `/queue/${model}?fal_webhook=${encodeURIComponent("https://atelier.example/api/webhooks/fal/abc")}`,
      );
      expect(JSON.parse(submit?.body ?? "{}")).toMatchObject({
        prompt: "a kite over dunes",
        duration: model.includes("kling") ? "5" : "6",
      });
      expect(await a.getVideoStatus(job)).toEqual({ state: "queued", queuePosition: 3 });
      expect((await a.getVideoStatus(job)).state).toBe("running");
      expect((await a.getVideoStatus(job)).state).toBe("completed");
      const result = await a.getVideoResult(job);
      expect(result.video).toMatchObject({ mimeType: "video/mp4" });
      expect(result.video.url).toContain(job.jobId);

      const second = await a.startVideo({ model, prompt: "another", seconds: 5 });
      await a.cancelVideo(second);
      expect(fake.jobs.get(second.jobId)?.cancelled).toBe(true);
      await a.cancelVideo(job); // already finished: not an error
    },
  );

  it("parses fal's webhook body", async () => {
    const hook = await startLoopback((_req, res) => {
      res.writeHead(200);
      res.end();
    });
    const job = await adapter().startVideo({
      model: "fal-ai/kling-video/v2.1/master/text-to-video",
      prompt: "p",
      seconds: 5,
      webhookUrl: `${hook.url}/hook`,
    });
    await fake.completeWithWebhook(job.jobId);
    const event = parseFalWebhook(JSON.parse(hook.requests[0]?.body ?? "{}"));
    expect(event).toMatchObject({
      request_id: job.jobId,
      status: "OK",
      payload: { video: { content_type: "video/mp4" } },
    });
    expect(parseFalWebhook({ nonsense: true })).toBeNull();
    await hook.close();
  });

  it("maps failures: wrong key, server error, invalid input; never leaks the key", async () => {
    const wrong = await failure(
      createFal({ apiKey: "wrong:key-0000000000", baseURL: fake.url, pollIntervalMs: 5 }).generateImage({
        model: "fal-ai/flux/schnell",
        prompt: "p",
        size: "1024x1024",
        count: 1,
      }),
    );
    expect(wrong).toBeInstanceOf(ProviderError);
    expect(wrong.kind).toBe("invalid_key");
    expect(JSON.stringify(wrong) + wrong.message).not.toContain("wrong:key");
    const down = await failure(
      adapter().startVideo({
        model: "fal-ai/kling-video/v2.1/master/text-to-video",
        prompt: "[[status:503]]",
        seconds: 5,
      }),
    );
    expect(down.kind).toBe("unavailable");
    expect(down.retryable).toBe(true);
    const invalid = await failure(
      adapter().startVideo({ model: "fal-ai/kling-video/v2.1/master/text-to-video", prompt: "", seconds: 5 }),
    );
    expect(invalid.kind).toBe("bad_request");
    expect(invalid.retryable).toBe(false);
  });

  it("has no text generation: a typed unsupported error", async () => {
    const error = await failure(adapter().generateText({ model: "x", prompt: "p", maxTokens: 5 }));
    expect(error.kind).toBe("unsupported");
  });
});
