import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type RecordedRequest = {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: string;
  raw: Buffer;
};

export type LoopbackHandler = (req: RecordedRequest, res: ServerResponse) => unknown;

/** A loopback HTTP server that records every request; the provider fakes are built on it. Tests only. */
export async function startLoopback(handler: LoopbackHandler, port = 0) {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => {
      chunks.push(c);
    });
    req.on("end", async () => {
      const raw = Buffer.concat(chunks);
      const recorded = {
        method: req.method ?? "GET",
        path: req.url ?? "/",
        headers: req.headers,
        body: raw.toString("utf8"),
        raw,
      };
      requests.push(recorded);
      try {
        await handler(recorded, res);
      } catch (error) {
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { message: String(error) } }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${bound}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Parses a recorded JSON body (or {}). */
export function bodyOf(req: RecordedRequest): Record<string, unknown> {
  try {
    return JSON.parse(req.body || "{}");
  } catch {
    return {};
  }
}

/** Fault injection by prompt: "[[status:503]]" answers that status, "[[hang]]" never answers, "[[cut]]" drops mid-stream. */
export function faultIn(text: string): { status?: number; hang?: boolean; cut?: boolean; refuse?: boolean } {
  const status = /\[\[status:(\d{3})\]\]/.exec(text)?.[1];
  return {
    status: status ? Number(status) : undefined,
    hang: text.includes("[[hang]]"),
    cut: text.includes("[[cut]]"),
    refuse: text.includes("[[refuse]]"),
  };
}

export function sse(res: ServerResponse) {
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
  return {
    send: (data: unknown, event?: string) =>
      res.write(
        `${event ? `event: ${event}\n` : ""}data: ${typeof data === "string" ? data : JSON.stringify(data)}\n\n`,
      ),
    end: () => res.end(),
  };
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}
