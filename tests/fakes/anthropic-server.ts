import { json, startLoopback } from "./loopback";

/** Speaks Anthropic's Messages API wire format for the endpoints Atelier calls. Tests only. */
export async function startAnthropicFake(options: { validKeys: string[]; port?: number }) {
  const valid = new Set(options.validKeys);
  return startLoopback((req, res) => {
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
    if (req.method === "GET" && req.path.startsWith("/v1/models")) {
      const data = ["claude-sonnet-4-5", "claude-haiku-4-5"].map((id) => ({
        type: "model",
        id,
        display_name: id,
        created_at: "2025-09-29T00:00:00Z",
      }));
      return json(res, 200, { data, has_more: false, first_id: data[0]?.id, last_id: data[1]?.id });
    }
    json(res, 404, { type: "error", error: { type: "not_found_error", message: `Unknown route ${req.path}` } });
  }, options.port);
}
