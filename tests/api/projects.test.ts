import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELETE as deleteOne, GET as getOne, PUT as updateOne } from "@/app/api/projects/[id]/route";
import { POST as create, GET as list } from "@/app/api/projects/route";
import type { Database } from "@/lib/server/db/client";
import { count, createUser, sessionCookie, useTestDatabase } from "../support/db";
import { call } from "../support/http";

let database: Database;
let alice: { id: string; cookie: string };
let bob: { id: string; cookie: string };

beforeAll(async () => {
  database = await useTestDatabase();
  const a = await createUser(database);
  const b = await createUser(database);
  alice = { id: a.id, cookie: await sessionCookie(database, a.id) };
  bob = { id: b.id, cookie: await sessionCookie(database, b.id) };
});
afterAll(() => database.close());

async function createAs(who: { cookie: string }, body: Record<string, unknown>) {
  const res = await call(create, { method: "POST", cookie: who.cookie, body });
  expect(res.status).toBe(201);
  return res.json.data as { id: string; name: string; budgetCents: string | null };
}

describe("projects API", () => {
  it("creates, lists, gets, updates, archives and deletes a project", async () => {
    const project = await createAs(alice, { name: "  Launch film  ", description: "Teaser", budgetCents: "2500.5" });
    expect(project).toMatchObject({ name: "Launch film", budgetCents: "2500.5" });

    const listed = await call(list, { cookie: alice.cookie, path: "/api/projects" });
    expect(listed.json.data.map((p: { id: string }) => p.id)).toContain(project.id);

    const got = await call(getOne, { cookie: alice.cookie, params: { id: project.id } });
    expect(got.json.data).toMatchObject({
      id: project.id,
      spentCents: "0",
      reservedCents: "0",
      alertThresholds: [50, 80, 100],
    });

    const updated = await call(updateOne, {
      method: "PUT",
      cookie: alice.cookie,
      params: { id: project.id },
      body: { name: "Renamed", budgetCents: 1000, alertThresholds: [90, 25, 25] },
    });
    expect(updated.status).toBe(200);
    expect(updated.json.data).toMatchObject({ name: "Renamed", budgetCents: "1000", alertThresholds: [25, 90] });

    const archived = await call(updateOne, {
      method: "PUT",
      cookie: alice.cookie,
      params: { id: project.id },
      body: { archived: true },
    });
    expect(archived.json.data.archivedAt).not.toBeNull();
    const active = await call(list, { cookie: alice.cookie, path: "/api/projects" });
    expect(active.json.data.map((p: { id: string }) => p.id)).not.toContain(project.id);
    const archivedList = await call(list, { cookie: alice.cookie, path: "/api/projects?archived=true" });
    expect(archivedList.json.data.map((p: { id: string }) => p.id)).toContain(project.id);
    const unarchived = await call(updateOne, {
      method: "PUT",
      cookie: alice.cookie,
      params: { id: project.id },
      body: { archived: false },
    });
    expect(unarchived.json.data.archivedAt).toBeNull();

    const deleted = await call(deleteOne, { method: "DELETE", cookie: alice.cookie, params: { id: project.id } });
    expect(deleted.status).toBe(200);
    expect(await count(database, "public.projects", "id = $1", [project.id])).toBe(0);
    expect((await call(getOne, { cookie: alice.cookie, params: { id: project.id } })).status).toBe(404);
  });

  it("keeps users apart: B gets 404 for A's project on every route and changes nothing", async () => {
    const project = await createAs(alice, { name: "Private", budgetCents: 100 });
    const before = JSON.stringify(
      await database.raw.query("select * from public.projects where id = $1", [project.id]),
    );

    const listed = await call(list, { cookie: bob.cookie, path: "/api/projects?archived=all" });
    expect(listed.json.data.map((p: { id: string }) => p.id)).not.toContain(project.id);
    const got = await call(getOne, { cookie: bob.cookie, params: { id: project.id } });
    expect(got.status).toBe(404);
    expect(got.json).toMatchObject({ success: false, error: "NOT_FOUND" });
    const put = await call(updateOne, {
      method: "PUT",
      cookie: bob.cookie,
      params: { id: project.id },
      body: { name: "Mine now" },
    });
    expect(put.status).toBe(404);
    const archive = await call(updateOne, {
      method: "PUT",
      cookie: bob.cookie,
      params: { id: project.id },
      body: { archived: true },
    });
    expect(archive.status).toBe(404);
    const del = await call(deleteOne, { method: "DELETE", cookie: bob.cookie, params: { id: project.id } });
    expect(del.status).toBe(404);

    expect(JSON.stringify(await database.raw.query("select * from public.projects where id = $1", [project.id]))).toBe(
      before,
    );
  });

  it("answers 401 without a session on every route", async () => {
    const id = "00000000-0000-4000-8000-000000000000";
    expect((await call(list)).status).toBe(401);
    expect((await call(create, { method: "POST", body: { name: "x" } })).status).toBe(401);
    expect((await call(getOne, { params: { id } })).status).toBe(401);
    expect((await call(updateOne, { method: "PUT", params: { id }, body: { name: "x" } })).status).toBe(401);
    expect((await call(deleteOne, { method: "DELETE", params: { id } })).status).toBe(401);
  });

  it("refuses a cross-site mutation with 403 and writes nothing", async () => {
    const before = await count(database, "public.projects", "user_id = $1", [alice.id]);
    const forged = await call(create, {
      method: "POST",
      cookie: alice.cookie,
      body: { name: "Forged" },
      headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    });
    expect(forged.status).toBe(403);
    expect(forged.json).toMatchObject({ success: false, error: "CROSS_SITE_REQUEST" });
    expect(await count(database, "public.projects", "user_id = $1", [alice.id])).toBe(before);
    const same = await call(create, {
      method: "POST",
      cookie: alice.cookie,
      body: { name: "Same site" },
      headers: { origin: "http://localhost", "sec-fetch-site": "same-origin" },
    });
    expect(same.status).toBe(201);
  });
});
