import { bodyOf, faultIn, json, sse, startLoopback } from "./loopback";
import { MP3_BYTES, MP4_BYTES, PNG_1x1 } from "./media";

export type OpenAIFakeOptions = {
  validKeys: string[];
  port?: number;
  /** Usage reported at the end of a stream; null: the stream ends without a usage chunk (as some servers do). */
  usage?: { prompt: number; completion: number; cached?: number } | null;
  reply?: string;
  /** Pause between streamed chunks, so a browser can see text arrive. */
  chunkDelayMs?: number;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Speaks OpenAI's REST and SSE wire formats (errors included) for every endpoint Atelier calls. Tests only. */
export async function startOpenAIFake(options: OpenAIFakeOptions) {
  const valid = new Set(options.validKeys);
  const reply = options.reply ?? "Silver waves whisper under a patient moon.";
  const videos = new Map<string, { model: string; polls: number; seconds: string; size: string; deleted: boolean }>();
  let nextVideo = 1;

  // Faults queued by tests: the next requests (other than listing models) answer these statuses.
  const queued: number[] = [];
  const server = await startLoopback(async (req, res) => {
    const key = (req.headers.authorization ?? "").replace(/^Bearer /, "");
    if (!valid.has(key)) {
      // OpenAI echoes part of a wrong key in its message; Atelier must not pass that on.
      return json(res, 401, {
        error: {
          message: `Incorrect API key provided: ${key.slice(0, 6)}***${key.slice(-4)}. You can find your API key at https://platform.openai.com/account/api-keys.`,
          type: "invalid_request_error",
          param: null,
          code: "invalid_api_key",
        },
      });
    }
    const path = req.path.split("?")[0] ?? "";
    const queuedStatus = path !== "/v1/models" ? queued.shift() : undefined;
    if (queuedStatus) return json(res, queuedStatus, { error: { message: "Injected failure", type: "server_error" } });
    const body = req.headers["content-type"]?.startsWith("application/json") ? bodyOf(req) : {};
    const prompt = JSON.stringify(body.messages ?? body.prompt ?? body.input ?? req.body);
    const fault = faultIn(prompt);
    if (fault.hang) return; // never answer: the client's timeout must cut it
    if (fault.status === 429) {
      return json(
        res,
        429,
        { error: { message: "Rate limit reached for requests", type: "requests", code: "rate_limit_exceeded" } },
        { "retry-after": "7" },
      );
    }
    if (fault.status)
      return json(res, fault.status, {
        error: { message: "The server had an error while processing your request.", type: "server_error" },
      });
    if (fault.refuse) {
      return json(res, 400, {
        error: {
          message: "Your request was rejected as a result of our safety system.",
          type: "invalid_request_error",
          code: "content_policy_violation",
        },
      });
    }

    if (req.method === "GET" && path === "/v1/models") {
      return json(res, 200, {
        object: "list",
        data: ["gpt-4o", "gpt-4o-mini", "gpt-image-1", "tts-1", "sora-2"].map((id) => ({
          id,
          object: "model",
          created: 1715367049,
          owned_by: "system",
        })),
      });
    }

    if (req.method === "POST" && path === "/v1/chat/completions") {
      if (!Array.isArray(body.messages) || typeof body.model !== "string") {
        return json(res, 400, { error: { message: "'messages' is required", type: "invalid_request_error" } });
      }
      const id = `chatcmpl-fake${Date.now()}`;
      const base = {
        id,
        object: "chat.completion.chunk",
        created: Math.floor(Date.now() / 1000),
        model: body.model,
        system_fingerprint: "fp_fake",
      };
      const stream = sse(res);
      const pieces = reply.match(/\S+\s*/g) ?? [reply];
      stream.send({ ...base, choices: [{ index: 0, delta: { role: "assistant", content: "" }, finish_reason: null }] });
      for (const [i, piece] of pieces.entries()) {
        if (fault.cut && i === 2) {
          await sleep(50); // let the first pieces reach the client, then drop the connection
          res.socket?.destroy();
          return;
        }
        stream.send({ ...base, choices: [{ index: 0, delta: { content: piece }, finish_reason: null }] });
        if (options.chunkDelayMs) await sleep(options.chunkDelayMs);
      }
      stream.send({ ...base, choices: [{ index: 0, delta: {}, finish_reason: "stop" }] });
      const includeUsage = (body.stream_options as { include_usage?: boolean } | undefined)?.include_usage;
      const usage = options.usage === undefined ? { prompt: 18, completion: 47 } : options.usage;
      if (includeUsage && usage) {
        stream.send({
          ...base,
          choices: [],
          usage: {
            prompt_tokens: usage.prompt,
            completion_tokens: usage.completion,
            total_tokens: usage.prompt + usage.completion,
            prompt_tokens_details: { cached_tokens: usage.cached ?? 0 },
          },
        });
      }
      stream.send("[DONE]");
      return stream.end();
    }

    if (req.method === "POST" && path === "/v1/images/generations") {
      const n = Number(body.n ?? 1);
      const isGptImage = String(body.model).startsWith("gpt-image");
      if (!isGptImage && body.response_format !== "b64_json" && body.response_format !== "url") {
        return json(res, 400, {
          error: { message: "response_format must be url or b64_json", type: "invalid_request_error" },
        });
      }
      return json(res, 200, {
        created: Math.floor(Date.now() / 1000),
        data: Array.from({ length: n }, () => ({
          b64_json: PNG_1x1.toString("base64"),
          ...(isGptImage ? {} : { revised_prompt: `A detailed rendering of ${String(body.prompt)}` }),
        })),
        ...(isGptImage
          ? {
              output_format: "png",
              usage: {
                input_tokens: 40,
                output_tokens: 4160 * n,
                total_tokens: 40 + 4160 * n,
                input_tokens_details: { text_tokens: 40, image_tokens: 0 },
              },
            }
          : {}),
      });
    }

    if (req.method === "POST" && path === "/v1/audio/speech") {
      if (!body.input || !body.voice)
        return json(res, 400, { error: { message: "input and voice are required", type: "invalid_request_error" } });
      res.writeHead(200, { "content-type": "audio/mpeg", "x-request-id": "req_fake_speech" });
      return res.end(MP3_BYTES);
    }

    if (req.method === "POST" && path === "/v1/videos") {
      // multipart/form-data, as the SDK sends it
      const form = await new Request("http://x", {
        method: "POST",
        headers: { "content-type": String(req.headers["content-type"]) },
        body: new Uint8Array(req.raw),
      }).formData();
      const id = `video_fake_${nextVideo++}`;
      const video = {
        model: String(form.get("model")),
        polls: 0,
        seconds: String(form.get("seconds") ?? "4"),
        size: String(form.get("size") ?? "1280x720"),
        deleted: false,
      };
      if (faultIn(String(form.get("prompt"))).refuse) {
        return json(res, 400, {
          error: {
            message: "Your request was blocked by our moderation system.",
            type: "invalid_request_error",
            code: "moderation_blocked",
          },
        });
      }
      videos.set(id, video);
      return json(res, 200, {
        id,
        object: "video",
        model: video.model,
        status: "queued",
        progress: 0,
        created_at: Math.floor(Date.now() / 1000),
        completed_at: null,
        expires_at: null,
        error: null,
        prompt: form.get("prompt"),
        remixed_from_video_id: null,
        seconds: video.seconds,
        size: video.size,
      });
    }

    const videoMatch = /^\/v1\/videos\/([^/]+)(\/content)?$/.exec(path);
    if (videoMatch) {
      const video = videos.get(videoMatch[1] ?? "");
      if (!video || video.deleted)
        return json(res, 404, { error: { message: "Video not found", type: "invalid_request_error" } });
      if (req.method === "DELETE") {
        video.deleted = true;
        return json(res, 200, { id: videoMatch[1], object: "video.deleted", deleted: true });
      }
      if (videoMatch[2]) {
        if (video.polls < 3)
          return json(res, 400, { error: { message: "Video is not ready yet", type: "invalid_request_error" } });
        res.writeHead(200, { "content-type": "video/mp4" });
        return res.end(MP4_BYTES);
      }
      video.polls++;
      const status = video.polls < 2 ? "queued" : video.polls < 3 ? "in_progress" : "completed";
      return json(res, 200, {
        id: videoMatch[1],
        object: "video",
        model: video.model,
        status,
        progress: status === "completed" ? 100 : status === "in_progress" ? 50 : 0,
        created_at: 0,
        completed_at: status === "completed" ? 1 : null,
        expires_at: null,
        error: null,
        prompt: null,
        remixed_from_video_id: null,
        seconds: video.seconds,
        size: video.size,
      });
    }

    json(res, 404, { error: { message: `Unknown route ${req.method} ${req.path}`, type: "invalid_request_error" } });
  }, options.port);
  return {
    ...server,
    /** The next `count` calls (model listing aside) answer `status`. */
    failNext: (status: number, count = 1) => {
      for (let i = 0; i < count; i++) queued.push(status);
    },
  };
}
