import "server-only";
import { createClient } from "@supabase/supabase-js";
import WebSocket from "ws";
import { assertSafePath as check, type Storage } from "./types";

const PAGE = 1000;

type Settings = { url: string; serviceRoleKey: string; bucket: string };
type StorageErrorLike = { status?: number; statusCode?: string | number; message?: string };

const isNotFound = (error: unknown) => {
  const e = (error ?? {}) as StorageErrorLike;
  return e.status === 404 || String(e.statusCode) === "404" || /not.?found/i.test(e.message ?? "");
};

/** A storage failure without the service key or response internals in it. */
function failure(action: string, path: string, error: unknown): Error {
  const status = (error as StorageErrorLike | null)?.status;
  return new Error(`Supabase Storage could not ${action} ${path}${status ? ` (HTTP ${status})` : ""}`);
}

/**
 * Files in a private Supabase Storage bucket, reached with the service-role key from the server only (the browser
 * never talks to Storage: files are served by /api/assets/:id/file after the ownership check). The bucket is
 * created, private, on first use.
 */
export function createSupabaseStorage(settings: Settings): Storage {
  const client = createClient(settings.url, settings.serviceRoleKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    // supabase-js builds a realtime client even when unused; Node 20 has no global WebSocket.
    realtime: { transport: WebSocket as never },
  });
  const bucket = () => client.storage.from(settings.bucket);

  let ready: Promise<void> | null = null;
  const ensureBucket = () => {
    ready ??= (async () => {
      const { error } = await client.storage.getBucket(settings.bucket);
      if (!error) return;
      if (!isNotFound(error)) throw failure("open bucket", settings.bucket, error);
      const created = await client.storage.createBucket(settings.bucket, { public: false });
      // Another instance may have created it in the meantime.
      if (created.error && !/exists|duplicate/i.test(created.error.message)) {
        throw failure("create bucket", settings.bucket, created.error);
      }
    })().catch((error: unknown) => {
      ready = null; // try again on the next call
      throw error;
    });
    return ready;
  };

  return {
    async put(p, data, contentType) {
      await ensureBucket();
      const { error } = await bucket().upload(check(p), data, { contentType, upsert: true });
      if (error) throw failure("store", p, error);
    },
    async get(p, range) {
      await ensureBucket();
      check(p);
      if (range) {
        // Ranges straight from Storage (it honours Range), so a video is never read whole to serve a slice.
        const res = await fetch(
          `${settings.url.replace(/\/$/, "")}/storage/v1/object/authenticated/${settings.bucket}/${p}`,
          {
            headers: {
              Authorization: `Bearer ${settings.serviceRoleKey}`,
              apikey: settings.serviceRoleKey,
              Range: `bytes=${range.start}-${range.end}`,
            },
          },
        );
        if (res.status === 404 || res.status === 400) return null;
        if (!res.ok) throw failure("read", p, { status: res.status });
        const bytes = new Uint8Array(await res.arrayBuffer());
        // A server that ignored the Range header sent the whole file: cut the slice here.
        return res.status === 206 ? bytes : bytes.subarray(range.start, range.end + 1);
      }
      const { data, error } = await bucket().download(p);
      if (error) {
        if (isNotFound(error)) return null;
        throw failure("read", p, error);
      }
      return new Uint8Array(await data.arrayBuffer());
    },
    async size(p) {
      await ensureBucket();
      const { data, error } = await bucket().info(check(p));
      if (error) {
        if (isNotFound(error)) return null;
        throw failure("inspect", p, error);
      }
      return typeof data?.size === "number" ? data.size : null;
    },
    async delete(p) {
      await ensureBucket();
      const { error } = await bucket().remove([check(p)]);
      if (error && !isNotFound(error)) throw failure("delete", p, error);
    },
    async list(prefix) {
      await ensureBucket();
      const out: string[] = [];
      // Storage lists one folder level at a time: folders come back without an id.
      const walk = async (folder: string): Promise<void> => {
        for (let offset = 0; ; offset += PAGE) {
          const { data, error } = await bucket().list(folder, { limit: PAGE, offset });
          if (error) throw failure("list", folder, error);
          for (const entry of data ?? []) {
            const full = folder ? `${folder}/${entry.name}` : entry.name;
            if (entry.id === null) await walk(full);
            else out.push(full);
          }
          if (!data || data.length < PAGE) return;
        }
      };
      await walk(check(prefix));
      return out;
    },
  };
}
