import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as fileRoute } from "@/app/api/assets/[id]/file/route";
import { DELETE as deleteAsset } from "@/app/api/assets/[id]/route";
import { POST as generate } from "@/app/api/generate/route";
import { setStorage } from "@/lib/server/storage";
import { createLocalStorage } from "@/lib/server/storage/local";
import { createSupabaseStorage } from "@/lib/server/storage/supabase";
import type { Storage } from "@/lib/server/storage/types";
import { PNG_1x1 } from "../fakes/media";
import { useTestDatabase } from "../support/db";
import { userWithKeys } from "../support/generation";
import { call } from "../support/http";
import { useProviderFakes } from "../support/providers";
import { startSupabaseStorageStandIn } from "../support/supabase-storage-server";

// The same contract for both storages: local disk (embedded, self-hosted) and Supabase Storage (Supabase mode,
// against a loopback stand-in of its REST API, reached through supabase-js).
const SERVICE_KEY = "service-role-key-for-the-storage-stand-in";
let standIn: Awaited<ReturnType<typeof startSupabaseStorageStandIn>>;
beforeAll(async () => {
  standIn = await startSupabaseStorageStandIn(SERVICE_KEY);
});
afterAll(() => standIn.close());

const storages: [string, () => Storage][] = [
  ["local disk", () => createLocalStorage(mkdtempSync(path.join(tmpdir(), "atelier-storage-")))],
  [
    "Supabase Storage",
    () => createSupabaseStorage({ url: standIn.url, serviceRoleKey: SERVICE_KEY, bucket: "atelier" }),
  ],
];

describe.each(storages)("%s", (_name, make) => {
  const bytes = new Uint8Array(Array.from({ length: 1000 }, (_, i) => i % 251));

  it("stores, reads whole and by range, sizes, lists recursively and deletes", async () => {
    const storage = make();
    await storage.put("u1/p1/a.png", bytes, "image/png");
    await storage.put("u1/p1/thumbs/a.webp", bytes.subarray(0, 10), "image/webp");
    await storage.put("u1/p2/b.mp3", bytes.subarray(0, 20), "audio/mpeg");
    await storage.put("u2/p3/c.txt", new TextEncoder().encode("hello"), "text/plain");

    expect(Buffer.from((await storage.get("u1/p1/a.png")) ?? []).equals(Buffer.from(bytes))).toBe(true);
    expect([...((await storage.get("u1/p1/a.png", { start: 10, end: 19 })) ?? [])]).toEqual([
      ...bytes.subarray(10, 20),
    ]);
    expect(await storage.size("u1/p1/a.png")).toBe(1000);
    expect(await storage.size("u1/p1/missing.png")).toBeNull();
    expect(await storage.get("u1/p1/missing.png")).toBeNull();
    expect(await storage.get("u1/p1/missing.png", { start: 0, end: 1 })).toBeNull();

    expect((await storage.list("u1")).sort()).toEqual(["u1/p1/a.png", "u1/p1/thumbs/a.webp", "u1/p2/b.mp3"]);
    expect(await storage.list("u3")).toEqual([]);

    // Overwrite in place (a re-upload of the same path), then delete; deleting twice is fine.
    await storage.put("u2/p3/c.txt", new TextEncoder().encode("hello again"), "text/plain");
    expect(new TextDecoder().decode((await storage.get("u2/p3/c.txt")) ?? undefined)).toBe("hello again");
    await storage.delete("u2/p3/c.txt");
    await storage.delete("u2/p3/c.txt");
    expect(await storage.get("u2/p3/c.txt")).toBeNull();
    expect(await storage.list("u2")).toEqual([]);
  });

  it("refuses paths that could escape their place", async () => {
    const storage = make();
    for (const bad of ["../x", "u1/../../etc/passwd", "/abs", "u1//x", "u1/p1/a b.png"]) {
      await expect(storage.put(bad, bytes, "image/png")).rejects.toThrow(/Unsafe storage path/);
    }
  });
});

describe("Supabase Storage specifics", () => {
  it("creates the bucket private on first use, and never sends the service key anywhere but Storage", async () => {
    const storage = createSupabaseStorage({ url: standIn.url, serviceRoleKey: SERVICE_KEY, bucket: "fresh-bucket" });
    expect(standIn.buckets.has("fresh-bucket")).toBe(false);
    await storage.put("u1/p1/x.bin", new Uint8Array([1, 2, 3]), "application/octet-stream");
    expect(standIn.buckets.get("fresh-bucket")?.public).toBe(false);
    expect(standIn.buckets.get("fresh-bucket")?.objects.get("u1/p1/x.bin")?.contentType).toBe(
      "application/octet-stream",
    );
  });

  it("a wrong service key fails with a message that does not contain the key", async () => {
    const wrong = "wrong-service-role-key-0123456789";
    const storage = createSupabaseStorage({ url: standIn.url, serviceRoleKey: wrong, bucket: "atelier" });
    const error = await storage.put("u1/p1/y.bin", new Uint8Array([1]), "application/octet-stream").catch((e) => e);
    expect(error).toBeInstanceOf(Error);
    expect(String(error.message)).toMatch(/Supabase Storage could not/);
    expect(String(error.message)).not.toContain(wrong);
  });
});

describe("Supabase mode end to end: a generated image lands in the bucket and is served from it", () => {
  it("stores the output and its thumbnail in Storage, serves whole and ranged bytes, and deletes them with the asset", async () => {
    const database = await useTestDatabase();
    const fakes = await useProviderFakes();
    setStorage(createSupabaseStorage({ url: standIn.url, serviceRoleKey: SERVICE_KEY, bucket: "generated" }));
    try {
      const u = await userWithKeys(database, ["openai"]);
      const res = await call(generate, {
        method: "POST",
        cookie: u.cookie,
        path: "/api/generate?stream=false",
        body: {
          type: "image",
          projectId: u.projectId,
          prompt: "a red fox",
          provider: "openai",
          model: "gpt-image-1",
          quality: "low",
          count: 1,
        },
      });
      expect(res.status).toBe(200);
      const assetId = res.json.data.assetIds[0] as string;
      const [asset] = await database.raw.query<{ storage_path: string; thumbnail_path: string }>(
        "select storage_path, thumbnail_path from public.assets where id = $1",
        [assetId],
      );
      const objects = standIn.buckets.get("generated")?.objects;
      expect(objects?.get(asset?.storage_path as string)?.bytes.equals(PNG_1x1)).toBe(true);
      expect(
        objects
          ?.get(asset?.thumbnail_path as string)
          ?.bytes.subarray(8, 12)
          .toString(),
      ).toBe("WEBP");

      const whole = await call(fileRoute, { cookie: u.cookie, params: { id: assetId } });
      expect(whole.status).toBe(200);
      const part = await call(fileRoute, {
        cookie: u.cookie,
        params: { id: assetId },
        headers: { range: "bytes=1-3" },
      });
      expect(part.status).toBe(206);
      expect(part.headers.get("content-range")).toBe(`bytes 1-3/${PNG_1x1.length}`);
      expect(part.text).toBe(PNG_1x1.subarray(1, 4).toString());

      const deleted = await call(deleteAsset, { method: "DELETE", cookie: u.cookie, params: { id: assetId } });
      expect(deleted.status).toBe(200);
      expect(objects?.has(asset?.storage_path as string)).toBe(false);
      expect(objects?.has(asset?.thumbnail_path as string)).toBe(false);
    } finally {
      setStorage(undefined);
      await fakes.close();
      await database.close();
    }
  });
});
