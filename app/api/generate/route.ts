import { executeGeneration, type GenerationEvent } from "@/lib/server/generation/execute";
import { prepareGeneration } from "@/lib/server/generation/prepare";
import { AppError, toAppError } from "@/lib/server/http/errors";
import { created, ok, withUser } from "@/lib/server/http/route";
import { generateSchema } from "./schema";

/**
 * Text streams as server-sent events (`delta`, `attempt`, then `done` with the generation, or `error` with the
 * envelope); send `"stream": false` in the query (`?stream=false`) for one JSON answer. Images and audio answer
 * when stored; video answers 202 with the generation to poll.
 */
export const POST = withUser({ body: generateSchema, maxBodyBytes: 256 * 1024 }, async ({ user, body, req }) => {
  const prepared = await prepareGeneration(user, body);
  const wantsStream = body.type === "text" && new URL(req.url).searchParams.get("stream") !== "false";
  if (!wantsStream) {
    const generation = await executeGeneration(user, body, prepared);
    if (body.type === "video") return { ...created(generation, "Video queued."), status: 202 };
    return ok(generation, "Generated.");
  }
  const encoder = new TextEncoder();
  let clientGone = false;
  const stream = new ReadableStream<Uint8Array>({
    cancel() {
      clientGone = true; // the generation still runs to its end, so its cost and output are recorded
    },
    async start(controller) {
      const send = (event: string, data: unknown) => {
        if (clientGone) return;
        try {
          controller.enqueue(encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
        } catch {
          clientGone = true;
        }
      };
      send("generation", { id: prepared.generationId });
      try {
        const generation = await executeGeneration(user, body, prepared, (e: GenerationEvent) =>
          e.type === "delta" ? send("delta", { text: e.text }) : send("attempt", e.attempt),
        );
        send("done", generation);
      } catch (error) {
        const e = toAppError(error);
        send("error", {
          success: false,
          error: e.code,
          message: e.message,
          details: e instanceof AppError ? e.details : {},
        });
      } finally {
        if (!clientGone) controller.close();
      }
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Accel-Buffering": "no",
    },
  });
});
