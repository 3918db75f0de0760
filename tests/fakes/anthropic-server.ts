import { bodyOf, faultIn, json, sse, startLoopback } from "./loopback";

export type AnthropicFakeOptions = {
  validKeys: string[];
  port?: number;
  reply?: string;
  usage?: { input: number; output: number; cacheRead?: number; cacheWrite?: number };
  chunkDelayMs?: number;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Speaks Anthropic's Messages API, streamed as server-sent events, for the calls Atelier makes. Tests only. */
export async function startAnthropicFake(options: AnthropicFakeOptions) {
  const valid = new Set(options.validKeys);
  const reply = options.reply ?? "Ink-dark tide, the lighthouse counts its slow breaths.";
  const usage = options.usage ?? { input: 21, output: 12 };
  // Faults queued by tests: the next requests (other than listing models) answer these statuses.
  const queued: number[] = [];
  const server = await startLoopback(async (req, res) => {
    if (!req.headers["anthropic-version"]) {
      return json(res, 400, {
        type: "error",
        error: { type: "invalid_request_error", message: "anthropic-version header is required" },
      });
    }
    // The API takes the key as x-api-key or (as SDK 1.x sends it) as a bearer token.
    const key = String(req.headers["x-api-key"] ?? (req.headers.authorization ?? "").replace(/^Bearer /, ""));
    if (!valid.has(key)) {
      return json(res, 401, { type: "error", error: { type: "authentication_error", message: "invalid x-api-key" } });
    }
    const path = req.path.split("?")[0];
    const queuedStatus = path !== "/v1/models" ? queued.shift() : undefined;
    if (queuedStatus)
      return json(res, queuedStatus, { type: "error", error: { type: "api_error", message: "Injected failure" } });
    if (req.method === "GET" && path === "/v1/models") {
      const data = ["claude-sonnet-4-5", "claude-haiku-4-5"].map((id) => ({
        type: "model",
        id,
        display_name: id,
        created_at: "2025-09-29T00:00:00Z",
      }));
      return json(res, 200, { data, has_more: false, first_id: data[0]?.id, last_id: data[1]?.id });
    }
    if (req.method === "POST" && path === "/v1/messages") {
      const body = bodyOf(req);
      if (typeof body.max_tokens !== "number" || !Array.isArray(body.messages)) {
        return json(res, 400, {
          type: "error",
          error: { type: "invalid_request_error", message: "max_tokens: Field required" },
        });
      }
      const fault = faultIn(JSON.stringify(body.messages));
      if (fault.hang) return;
      if (fault.status === 529)
        return json(res, 529, { type: "error", error: { type: "overloaded_error", message: "Overloaded" } });
      if (fault.status === 429) {
        return json(
          res,
          429,
          {
            type: "error",
            error: {
              type: "rate_limit_error",
              message: "Number of request tokens has exceeded your per-minute rate limit",
            },
          },
          { "retry-after": "12" },
        );
      }
      if (fault.status)
        return json(res, fault.status, {
          type: "error",
          error: { type: "api_error", message: "Internal server error" },
        });
      const id = `msg_fake${Date.now()}`;
      const stream = sse(res);
      stream.send(
        {
          type: "message_start",
          message: {
            id,
            type: "message",
            role: "assistant",
            model: body.model,
            content: [],
            stop_reason: null,
            stop_sequence: null,
            usage: {
              input_tokens: usage.input,
              output_tokens: 1,
              cache_creation_input_tokens: usage.cacheWrite ?? 0,
              cache_read_input_tokens: usage.cacheRead ?? 0,
            },
          },
        },
        "message_start",
      );
      stream.send(
        { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } },
        "content_block_start",
      );
      stream.send({ type: "ping" }, "ping");
      const pieces = fault.refuse ? ["I can"] : (reply.match(/\S+\s*/g) ?? [reply]);
      for (const [i, piece] of pieces.entries()) {
        if (fault.cut && i === 2) {
          await sleep(50); // let the first pieces reach the client, then drop the connection
          res.socket?.destroy();
          return;
        }
        stream.send(
          { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: piece } },
          "content_block_delta",
        );
        if (options.chunkDelayMs) await sleep(options.chunkDelayMs);
      }
      stream.send({ type: "content_block_stop", index: 0 }, "content_block_stop");
      stream.send(
        {
          type: "message_delta",
          delta: { stop_reason: fault.refuse ? "refusal" : "end_turn", stop_sequence: null },
          usage: { output_tokens: usage.output },
        },
        "message_delta",
      );
      stream.send({ type: "message_stop" }, "message_stop");
      return stream.end();
    }
    json(res, 404, { type: "error", error: { type: "not_found_error", message: `Unknown route ${req.path}` } });
  }, options.port);
  return {
    ...server,
    /** The next `count` calls (model listing aside) answer `status`. */
    failNext: (status: number, count = 1) => {
      for (let i = 0; i < count; i++) queued.push(status);
    },
  };
}
