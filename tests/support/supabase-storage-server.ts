import { bodyOf, startLoopback } from "../fakes/loopback";

/**
 * A loopback stand-in for the Supabase Storage REST endpoints supabase-js (and our ranged reads) call: buckets
 * (get, create), objects (upload with x-upsert, download with Range, info, remove, list one folder level). It keeps
 * objects in memory and answers errors the way Storage does ({ statusCode, error, message } with HTTP 400/404).
 * Tests only.
 */
export async function startSupabaseStorageStandIn(serviceRoleKey: string) {
  const buckets = new Map<string, { public: boolean; objects: Map<string, { bytes: Buffer; contentType: string }> }>();
  const notFound = (what: string) => ({ statusCode: "404", error: "not_found", message: `${what} not found` });

  const server = await startLoopback((req, res) => {
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.headers.authorization !== `Bearer ${serviceRoleKey}` || req.headers.apikey !== serviceRoleKey) {
      return json(403, { statusCode: "403", error: "Unauthorized", message: "invalid signature" });
    }
    const url = new URL(req.path, "http://stand-in");
    const parts = decodeURIComponent(url.pathname).split("/").filter(Boolean); // storage, v1, …
    if (parts[0] !== "storage" || parts[1] !== "v1") return json(404, notFound("route"));
    const [kind, ...rest] = parts.slice(2);

    if (kind === "bucket") {
      if (req.method === "GET" && rest[0]) {
        const b = buckets.get(rest[0]);
        return b ? json(200, { id: rest[0], name: rest[0], public: b.public }) : json(400, notFound("Bucket"));
      }
      if (req.method === "POST") {
        const body = bodyOf(req) as { id?: string; name?: string; public?: boolean };
        const id = body.id ?? body.name ?? "";
        if (buckets.has(id))
          return json(400, { statusCode: "409", error: "Duplicate", message: "The resource already exists" });
        buckets.set(id, { public: !!body.public, objects: new Map() });
        return json(200, { name: id });
      }
    }
    if (kind === "object") {
      // /object/list/:bucket · /object/info/:bucket/:path · /object/authenticated/:bucket/:path · /object/:bucket[/:path]
      const sub = rest[0] === "list" || rest[0] === "info" || rest[0] === "authenticated" ? rest.shift() : undefined;
      const bucket = buckets.get(rest[0] ?? "");
      if (!bucket) return json(400, notFound("Bucket"));
      const path = rest.slice(1).join("/");
      if (sub === "list" && req.method === "POST") {
        const {
          prefix = "",
          limit = 100,
          offset = 0,
        } = bodyOf(req) as { prefix?: string; limit?: number; offset?: number };
        const base = prefix ? `${prefix}/` : "";
        const names = new Map<string, boolean>(); // name → is a file
        for (const key of bucket.objects.keys()) {
          if (!key.startsWith(base)) continue;
          const [first, ...more] = key.slice(base.length).split("/");
          names.set(first as string, more.length === 0);
        }
        const entries = [...names.entries()]
          .sort(([a], [b]) => a.localeCompare(b))
          .slice(offset, offset + limit)
          .map(([name, file]) =>
            file
              ? {
                  name,
                  id: `id-${base}${name}`,
                  metadata: { size: bucket.objects.get(`${base}${name}`)?.bytes.length },
                }
              : { name, id: null, metadata: null },
          );
        return json(200, entries);
      }
      if (sub === "info" && req.method === "GET") {
        const o = bucket.objects.get(path);
        return o
          ? json(200, { name: path, size: o.bytes.length, content_type: o.contentType })
          : json(400, notFound("Object"));
      }
      if (req.method === "POST" && !sub) {
        if (bucket.objects.has(path) && req.headers["x-upsert"] !== "true") {
          return json(400, { statusCode: "409", error: "Duplicate", message: "The resource already exists" });
        }
        bucket.objects.set(path, { bytes: req.raw, contentType: String(req.headers["content-type"] ?? "") });
        return json(200, { Key: `${rest[0]}/${path}`, Id: `id-${path}` });
      }
      if (req.method === "GET") {
        const o = bucket.objects.get(path);
        if (!o) return json(400, notFound("Object"));
        const range = /^bytes=(\d+)-(\d+)$/.exec(String(req.headers.range ?? ""));
        if (range) {
          const start = Number(range[1]);
          const end = Math.min(Number(range[2]), o.bytes.length - 1);
          res.writeHead(206, {
            "content-type": o.contentType,
            "content-range": `bytes ${start}-${end}/${o.bytes.length}`,
          });
          return res.end(o.bytes.subarray(start, end + 1));
        }
        res.writeHead(200, { "content-type": o.contentType });
        return res.end(o.bytes);
      }
      if (req.method === "DELETE" && !sub) {
        const { prefixes = [] } = bodyOf(req) as { prefixes?: string[] };
        const removed = prefixes.filter((p) => bucket.objects.delete(p)).map((name) => ({ name }));
        return json(200, removed);
      }
    }
    return json(404, notFound("route"));
  });

  return { ...server, buckets };
}
