import { json, startLoopback } from "./loopback";

/** Speaks OpenAI's REST wire format (errors included) for the endpoints Atelier calls. Tests only. */
export async function startOpenAIFake(options: { validKeys: string[]; port?: number }) {
  const valid = new Set(options.validKeys);
  return startLoopback((req, res) => {
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
    if (req.method === "GET" && req.path.startsWith("/v1/models")) {
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
    json(res, 404, { error: { message: `Unknown route ${req.method} ${req.path}`, type: "invalid_request_error" } });
  }, options.port);
}
