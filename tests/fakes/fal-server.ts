import { bodyOf, faultIn, json, startLoopback } from "./loopback";
import { MP4_BYTES, PNG_1x1, WAV_BYTES } from "./media";

type Job = { model: string; input: Record<string, unknown>; polls: number; cancelled: boolean; webhook?: string };

/**
 * Speaks fal's queue API (https://queue.fal.run, mounted here under /queue): submit, status with queue position,
 * result, cancel, and the webhook fal posts when a job ends. Output URLs point back at this server. Tests only.
 */
export async function startFalFake(options: { validKeys: string[]; port?: number; pollsUntilDone?: number }) {
  const valid = new Set(options.validKeys);
  const jobs = new Map<string, Job>();
  const pollsUntilDone = options.pollsUntilDone ?? 2;
  let next = 1;
  let baseUrl = "";

  const output = (id: string, job: Job) => {
    if (job.model.includes("video"))
      return { video: { url: `${baseUrl}/files/${id}.mp4`, content_type: "video/mp4", file_size: MP4_BYTES.length } };
    if (job.model.includes("kokoro") || job.model.includes("speech"))
      return { audio: { url: `${baseUrl}/files/${id}.wav`, content_type: "audio/wav" } };
    const n = Number(job.input.num_images ?? 1);
    const size = (job.input.image_size ?? { width: 1024, height: 1024 }) as { width: number; height: number };
    return {
      images: Array.from({ length: n }, (_, i) => ({
        url: `${baseUrl}/files/${id}-${i}.png`,
        width: size.width,
        height: size.height,
        content_type: "image/png",
      })),
      seed: 42,
      has_nsfw_concepts: Array.from({ length: n }, () => faultIn(String(job.input.prompt)).refuse),
      timings: { inference: 0.4 },
    };
  };

  const server = await startLoopback(async (req, res) => {
    const path = req.path.split("?")[0] ?? "";
    const file = /^\/files\/(.+)$/.exec(path);
    if (file && req.method === "GET") {
      const name = file[1] ?? "";
      res.writeHead(200, {
        "content-type": name.endsWith(".mp4") ? "video/mp4" : name.endsWith(".wav") ? "audio/wav" : "image/png",
      });
      return res.end(name.endsWith(".mp4") ? MP4_BYTES : name.endsWith(".wav") ? WAV_BYTES : PNG_1x1);
    }
    const key = (req.headers.authorization ?? "").replace(/^Key /, "");
    if (!valid.has(key)) return json(res, 401, { detail: "No user found for Key ID and Secret" });
    if (!path.startsWith("/queue/")) return json(res, 404, { detail: `Unknown route ${path}` });

    const request = /^\/queue\/(.+?)\/requests\/([^/]+)(\/status|\/cancel)?$/.exec(path);
    if (request) {
      const [, , id = "", action] = request;
      const job = jobs.get(id);
      if (!job) return json(res, 404, { detail: "Request not found" });
      const done = job.polls >= pollsUntilDone;
      if (action === "/status" && req.method === "GET") {
        job.polls++;
        if (job.cancelled) return json(res, 200, { status: "COMPLETED", logs: null });
        if (!done)
          return json(
            res,
            200,
            job.polls === 1 ? { status: "IN_QUEUE", queue_position: 3 } : { status: "IN_PROGRESS", logs: [] },
          );
        return json(res, 200, {
          status: "COMPLETED",
          logs: [],
          response_url: `${baseUrl}${path.replace("/status", "")}`,
        });
      }
      if (action === "/cancel" && req.method === "PUT") {
        if (done) return json(res, 400, { status: "ALREADY_COMPLETED" });
        job.cancelled = true;
        return json(res, 202, { status: "CANCELLATION_REQUESTED" });
      }
      if (!action && req.method === "GET") {
        if (job.cancelled) return json(res, 400, { detail: "Request was cancelled" });
        if (!done) return json(res, 400, { detail: "Request is still in progress" });
        return json(res, 200, output(id, job));
      }
    }

    if (req.method === "POST") {
      const input = bodyOf(req);
      const fault = faultIn(String(input.prompt ?? ""));
      if (fault.status) return json(res, fault.status, { detail: "Internal server error" });
      if (typeof input.prompt !== "string" || input.prompt.length === 0) {
        return json(res, 422, {
          detail: [{ loc: ["body", "prompt"], msg: "field required", type: "value_error.missing" }],
        });
      }
      const id = `fal-req-${next++}`;
      const model = path.slice("/queue/".length);
      const webhook = new URL(req.path, "http://x").searchParams.get("fal_webhook") ?? undefined;
      jobs.set(id, { model, input, polls: 0, cancelled: false, webhook });
      return json(res, 200, {
        request_id: id,
        response_url: `${baseUrl}/queue/${model}/requests/${id}`,
        status_url: `${baseUrl}/queue/${model}/requests/${id}/status`,
        cancel_url: `${baseUrl}/queue/${model}/requests/${id}/cancel`,
        queue_position: 3,
      });
    }
    json(res, 404, { detail: `Unknown route ${req.method} ${path}` });
  }, options.port);
  baseUrl = server.url;

  return {
    ...server,
    jobs,
    /** Finishes a job and posts fal's webhook body to the URL it was submitted with. */
    async completeWithWebhook(id: string, status: "OK" | "ERROR" = "OK"): Promise<Response | undefined> {
      const job = jobs.get(id);
      if (!job?.webhook) return undefined;
      job.polls = pollsUntilDone;
      return fetch(job.webhook, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          request_id: id,
          gateway_request_id: id,
          status,
          payload: status === "OK" ? output(id, job) : null,
          error: status === "ERROR" ? "Generation failed" : null,
        }),
      });
    },
  };
}
