import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getAvatar, PUT as putAvatar, DELETE as removeAvatar } from "@/app/api/profile/avatar/route";
import type { Database } from "@/lib/server/db/client";
import { PNG_1x1 } from "../fakes/media";
import { createUser, sessionCookie, useTestDatabase } from "../support/db";
import { useTempStorage } from "../support/generation";

let database: Database;
beforeAll(async () => {
  database = await useTestDatabase();
  useTempStorage();
});
afterAll(() => database.close());

async function put(cookie: string, body: Uint8Array | string, type: string) {
  const res = await putAvatar(
    new Request("http://localhost/api/profile/avatar", {
      method: "PUT",
      headers: { cookie, "content-type": type },
      body: body as BodyInit,
    }),
    { params: Promise.resolve({}) },
  );
  return { status: res.status, json: await res.json() };
}

describe("avatar", () => {
  it("stores an uploaded image as a 256 px WebP, serves it to its owner only, and removes it", async () => {
    const a = await createUser(database);
    const b = await createUser(database);
    const cookieA = await sessionCookie(database, a.id);
    const cookieB = await sessionCookie(database, b.id);
    const source = await sharp({ create: { width: 640, height: 480, channels: 3, background: "#3355aa" } })
      .png()
      .toBuffer();
    const res = await put(cookieA, new Uint8Array(source), "image/png");
    expect(res.status).toBe(200);
    expect(res.json.data.avatarUrl).toMatch(/^\/api\/profile\/avatar\?v=\d+$/);
    const [row] = await database.raw.query<{ avatar_url: string }>(
      "select avatar_url from public.users where id = $1",
      [a.id],
    );
    expect(row?.avatar_url).toBe(res.json.data.avatarUrl);

    const served = await getAvatar(
      new Request("http://localhost/api/profile/avatar", { headers: { cookie: cookieA } }),
      { params: Promise.resolve({}) },
    );
    const meta = await sharp(Buffer.from(await served.arrayBuffer())).metadata();
    expect(meta).toMatchObject({ format: "webp", width: 256, height: 256 });
    const other = await getAvatar(
      new Request("http://localhost/api/profile/avatar", { headers: { cookie: cookieB } }),
      { params: Promise.resolve({}) },
    );
    expect(other.status).toBe(404);

    await removeAvatar(
      new Request("http://localhost/api/profile/avatar", { method: "DELETE", headers: { cookie: cookieA } }),
      { params: Promise.resolve({}) },
    );
    const gone = await getAvatar(new Request("http://localhost/api/profile/avatar", { headers: { cookie: cookieA } }), {
      params: Promise.resolve({}),
    });
    expect(gone.status).toBe(404);
  });

  it.each([
    ["a text file", "hello", "text/plain", 415],
    ["a fake PNG", "not really a png", "image/png", 422],
    ["an empty body", "", "image/png", 400],
    ["an oversized image", new Uint8Array(2 * 1024 * 1024 + 1), "image/png", 413],
  ])("refuses %s (%s) with %s and keeps the old avatar", async (_label, body, type, status) => {
    const u = await createUser(database);
    const cookie = await sessionCookie(database, u.id);
    expect((await put(cookie, new Uint8Array(PNG_1x1), "image/png")).status).toBe(200);
    const [before] = await database.raw.query<{ avatar_url: string }>(
      "select avatar_url from public.users where id = $1",
      [u.id],
    );
    const res = await put(cookie, body as Uint8Array, type as string);
    expect(res.status).toBe(status);
    expect(res.json.success).toBe(false);
    const [after] = await database.raw.query<{ avatar_url: string }>(
      "select avatar_url from public.users where id = $1",
      [u.id],
    );
    expect(after?.avatar_url).toBe(before?.avatar_url);
  });
});
