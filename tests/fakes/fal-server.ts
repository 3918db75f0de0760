import { json, startLoopback } from "./loopback";

/** Speaks fal's queue API (https://queue.fal.run, mounted here under /queue) for the calls Atelier makes. Tests only. */
export async function startFalFake(options: { validKeys: string[]; port?: number }) {
  const valid = new Set(options.validKeys);
  return startLoopback((req, res) => {
    const key = (req.headers.authorization ?? "").replace(/^Key /, "");
    if (!valid.has(key)) return json(res, 401, { detail: "No user found for Key ID and Secret" });
    if (req.method === "GET" && /^\/queue\/.+\/requests\/[^/]+\/status/.test(req.path)) {
      return json(res, 404, { detail: "Request not found" });
    }
    json(res, 404, { detail: `Unknown route ${req.path}` });
  }, options.port);
}
