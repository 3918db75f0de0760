import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as generate } from "@/app/api/generate/route";
import { GET as getGeneration } from "@/app/api/generations/[id]/route";
import { setAuth } from "@/lib/server/auth";
import { actualCost } from "@/lib/server/costs/calculate";
import type { TextUsage } from "@/lib/server/costs/types";
import { setDatabase } from "@/lib/server/db";
import { type Database, openPostgres } from "@/lib/server/db/client";
import { prepareGeneration } from "@/lib/server/generation/prepare";
import { reconcileInterrupted } from "@/lib/server/generation/reconcile";
import { setStorage } from "@/lib/server/storage";
import { createLocalStorage } from "@/lib/server/storage/local";
import type { Storage } from "@/lib/server/storage/types";
import { findModel } from "@/lib/shared/catalog";
import { add, compare, dec, toDecimalString } from "@/lib/shared/decimal";
import { MP4_BYTES, PNG_1x1 } from "../fakes/media";
import { useTestDatabase } from "../support/db";
import { parseSse, userWithKeys, useTempStorage } from "../support/generation";
import { type CallResult, call } from "../support/http";
import { expectInvariants, storedFiles } from "../support/invariants";
import { useProviderFakes } from "../support/providers";

const ENV = { RATE_LIMIT_PER_MINUTE: "100000" };
let database: Database;
let fakes: Awaited<ReturnType<typeof useProviderFakes>>;
let store: ReturnType<typeof useTempStorage>;

beforeAll(async () => {
  database = await useTestDatabase();
  fakes = await useProviderFakes(ENV);
  store = useTempStorage();
});
afterAll(async () => {
  await fakes.close();
  await database.close();
});

/** The configuration the fakes installed, plus overrides (a short provider timeout). */
const configure = (extra: Record<string, string> = {}) => fakes.configure(extra);

const gen = (cookie: string, body: Record<string, unknown>) =>
  call(generate, { method: "POST", cookie, path: "/api/generate?stream=false", body });
const streamed = async (cookie: string, body: Record<string, unknown>) =>
  parseSse((await call(generate, { method: "POST", cookie, path: "/api/generate", body })).text);
const poll = (cookie: string, id: string) => call(getGeneration, { cookie, params: { id } });

type GenerationRow = {
  id: string;
  status: string;
  provider: string;
  model: string;
  generation_type: string;
  reserved_cents: string;
  estimated_cost_cents: string | null;
  cost_cents: string | null;
  error_message: string | null;
  result: any;
  attempts: any[];
  tokens_input: number | null;
  tokens_output: number | null;
  provider_job_id: string | null;
  completed_at: Date | null;
};

async function generation(id: string): Promise<GenerationRow> {
  const [row] = await database.raw.query<GenerationRow>(
    `select id, status, provider, model, generation_type, reserved_cents::text, estimated_cost_cents::text,
            cost_cents::text, error_message, result, attempts, tokens_input, tokens_output, provider_job_id, completed_at
       from public.generations where id = $1`,
    [id],
  );
  if (!row) throw new Error(`no generation ${id}`);
  return row;
}

async function generationsOf(projectId: string): Promise<GenerationRow[]> {
  const rows = await database.raw.query<{ id: string }>(
    "select id from public.generations where project_id = $1 order by created_at",
    [projectId],
  );
  return Promise.all(rows.map((r) => generation(r.id)));
}

const project = async (id: string) =>
  (
    await database.raw.query<{ spent: string; reserved: string }>(
      "select spent_cents::text as spent, reserved_cents::text as reserved from public.projects where id = $1",
      [id],
    )
  )[0];

/** "Time passes": the rows look as they would once the reconciliation's stale window has gone by. */
const backdate = (ids: string[]) =>
  database.rawTransaction(async (tx) => {
    // The updated_at trigger would stamp the update itself with now(): bypass it for this one statement.
    await tx.exec("set local session_replication_role = replica");
    await tx.query("update public.generations set updated_at = now() - interval '1 hour' where id = any($1::uuid[])", [
      ids,
    ]);
  });

/** Nothing listens on port 1: every connection is refused at once, as when the database server has gone. */
const unreachableDatabase = () => openPostgres("postgres://nobody@127.0.0.1:1/none", { max: 1 });

/**
 * Storage whose writes wait at a gate: `writing` resolves when the pipeline (its budget reserved, the provider's
 * answer in hand) starts storing outputs; nothing is written until `release()`.
 */
function holdStorageWrites(inner: Storage) {
  let reached: () => void = () => undefined;
  let release: () => void = () => undefined;
  const writing = new Promise<void>((resolve) => {
    reached = resolve;
  });
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  setStorage({
    ...inner,
    put: async (p, data, type) => {
      reached();
      await released;
      return inner.put(p, data, type);
    },
  });
  return { writing, release };
}

async function until(check: () => boolean) {
  for (let i = 0; i < 2000 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!check()) throw new Error("the condition never held");
}

const userFiles = async (userId: string) => (await storedFiles(store.root)).filter((f) => f.startsWith(`${userId}/`));

describe("the database going away mid-request", () => {
  it("after the provider answered: 503 in the envelope with Retry-After, no file left, recovery, reconciled at restart", async () => {
    const u = await userWithKeys(database, ["openai"]);
    const image = {
      type: "image",
      projectId: u.projectId,
      prompt: "a harbour at dawn",
      provider: "openai",
      model: "gpt-image-1",
      size: "1024x1024",
      quality: "low",
    };
    const hold = holdStorageWrites(store.storage);
    const gone = unreachableDatabase();
    let res: CallResult;
    let inFlight: GenerationRow;
    try {
      const pending = gen(u.cookie, image);
      await hold.writing;
      // Mid-request: budget reserved, the provider's image in hand, outputs about to be stored.
      [inFlight] = (await generationsOf(u.projectId)) as [GenerationRow];
      expect(inFlight).toMatchObject({ status: "processing", reserved_cents: inFlight.estimated_cost_cents });
      expect(compare(dec(inFlight.reserved_cents), dec(0))).toBe(1);
      expect(await project(u.projectId)).toEqual({ spent: "0", reserved: inFlight.reserved_cents });
      setDatabase(gone);
      hold.release();
      res = await pending;
    } finally {
      setDatabase(database);
      setStorage(store.storage);
      await gone.close();
    }
    expect(res.status).toBe(503);
    expect(res.json).toEqual({
      success: false,
      error: "SERVICE_UNAVAILABLE",
      message: expect.stringMatching(/database is unavailable/i),
      details: {},
    });
    expect(res.headers.get("retry-after")).toBe("5");
    // The image and its thumbnail had been written; with no row to own them they were removed.
    expect(await userFiles(u.id)).toEqual([]);
    // What the outage left: the outcome could not be recorded, so the row is still in flight with its reservation.
    expect(await generation(inFlight.id)).toMatchObject({ status: "processing", cost_cents: null });
    expect((await project(u.projectId))?.reserved).toBe(inFlight.reserved_cents);

    // The database is back: the next request succeeds.
    const again = await gen(u.cookie, { ...image, prompt: "a harbour at dusk" });
    expect(again.status).toBe(200);
    expect(again.json.data).toMatchObject({ status: "completed", costCents: "1.12" });
    expect((await project(u.projectId))?.spent).toBe("1.12");

    // Until a restart reconciles it, the invariants do not hold, and the check says why.
    await expect(expectInvariants(database, { userIds: [u.id], storageRoot: store.root })).rejects.toThrow(
      /left processing[\s\S]*reserves/,
    );

    // The next start-up, past the stale window, fails the interrupted row and returns its reservation.
    await backdate([inFlight.id]);
    await reconcileInterrupted(database.db);
    expect(await generation(inFlight.id)).toMatchObject({
      status: "failed",
      reserved_cents: "0",
      cost_cents: "0",
      error_message: expect.stringMatching(/interrupted/i),
    });
    expect(await project(u.projectId)).toEqual({ spent: "1.12", reserved: "0" });
    expect(await userFiles(u.id)).toHaveLength(2); // the second image and its thumbnail
    await expectInvariants(database, { userIds: [u.id], storageRoot: store.root });
  });

  it("during a streamed text generation: the deltas, then an error event SERVICE_UNAVAILABLE; reconciled at restart", async () => {
    const u = await userWithKeys(database, ["anthropic"]);
    const hold = holdStorageWrites(store.storage);
    const gone = unreachableDatabase();
    let events: { event: string; data: any }[];
    try {
      const res = await generate(
        new Request("http://localhost/api/generate", {
          method: "POST",
          headers: { cookie: u.cookie, "content-type": "application/json" },
          body: JSON.stringify({ type: "text", projectId: u.projectId, prompt: "a tide poem", provider: "anthropic" }),
        }),
        { params: Promise.resolve({}) },
      );
      expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
      await hold.writing;
      setDatabase(gone);
      hold.release();
      events = parseSse(await res.text());
    } finally {
      setDatabase(database);
      setStorage(store.storage);
      await gone.close();
    }
    const id = events[0]?.data.id;
    expect(events[0]?.event).toBe("generation");
    expect(
      events
        .filter((e) => e.event === "delta")
        .map((e) => e.data.text)
        .join(""),
    ).toBe("Ink-dark tide, the lighthouse counts its slow breaths.");
    expect(events.at(-1)).toEqual({
      event: "error",
      data: {
        success: false,
        error: "SERVICE_UNAVAILABLE",
        message: expect.stringMatching(/database is unavailable/i),
        details: {},
      },
    });
    expect(events.some((e) => e.event === "done")).toBe(false);
    expect(await userFiles(u.id)).toEqual([]);
    expect((await generation(id)).status).toBe("processing");

    await backdate([id]);
    await reconcileInterrupted(database.db);
    expect(await generation(id)).toMatchObject({ status: "failed", reserved_cents: "0", cost_cents: "0" });
    expect(await project(u.projectId)).toEqual({ spent: "0", reserved: "0" });
    await expectInvariants(database, { userIds: [u.id], storageRoot: store.root });
  });

  it("while the provider is still answering: the failure cannot be recorded either, still a 503, not a 500", async () => {
    const u = await userWithKeys(database, ["openai"]);
    configure({ PROVIDER_TIMEOUT_MS: "1000" });
    const marker = `db-away-${u.id}`;
    const gone = unreachableDatabase();
    let res: CallResult;
    try {
      const pending = gen(u.cookie, {
        type: "text",
        projectId: u.projectId,
        prompt: `[[hang]] ${marker}`,
        provider: "openai",
        model: "gpt-4o",
        maxTokens: 50,
      });
      await until(() => fakes.openai.requests.some((r) => r.body.includes(marker)));
      setDatabase(gone);
      res = await pending;
    } finally {
      setDatabase(database);
      configure();
      await gone.close();
    }
    expect(res.status).toBe(503);
    expect(res.json).toMatchObject({ success: false, error: "SERVICE_UNAVAILABLE" });
    expect(res.headers.get("retry-after")).toBe("5");
    const [row] = await generationsOf(u.projectId);
    expect(row?.status).toBe("processing");

    const again = await gen(u.cookie, {
      type: "text",
      projectId: u.projectId,
      prompt: "after the outage",
      provider: "openai",
      model: "gpt-4o",
      maxTokens: 50,
    });
    expect(again.json.data).toMatchObject({ status: "completed", costCents: "0.0515" });
    await backdate([row?.id as string]);
    await reconcileInterrupted(database.db);
    expect(await generation(row?.id as string)).toMatchObject({ status: "failed", reserved_cents: "0" });
    expect(await project(u.projectId)).toEqual({ spent: "0.0515", reserved: "0" });
    await expectInvariants(database, { userIds: [u.id], storageRoot: store.root });
  });
});

describe("a provider that hangs is cut at its timeout", () => {
  it("OpenAI hangs: cut at the timeout and recorded as one; Anthropic, next in line, completes the generation", async () => {
    const u = await userWithKeys(database, ["openai", "anthropic"]);
    configure({ PROVIDER_TIMEOUT_MS: "300" });
    const before = fakes.openai.requests.length;
    let res: CallResult;
    try {
      // The marker is in the system prompt: OpenAI receives it among the messages and hangs; Anthropic takes the
      // system prompt apart from the messages, so its fake answers.
      res = await gen(u.cookie, {
        type: "text",
        projectId: u.projectId,
        prompt: "a line about the sea",
        system: "[[hang]]",
        maxTokens: 100,
      });
    } finally {
      configure();
    }
    expect(res.status).toBe(200);
    expect(res.json.data.attempts.map((a: any) => [a.provider, a.outcome, a.reason ?? null])).toEqual([
      ["openai", "failed", "timeout"],
      ["anthropic", "succeeded", null],
    ]);
    expect(fakes.openai.requests.length - before).toBe(1); // cut once, not retried
    const row = await generation(res.json.data.id);
    // claude-sonnet-4-5: 21 × $3/M + 12 × $15/M
    expect(row).toMatchObject({
      status: "completed",
      provider: "anthropic",
      reserved_cents: "0",
      cost_cents: "0.0243",
    });
    expect(row.attempts[0]).toMatchObject({ provider: "openai", outcome: "failed", reason: "timeout" });
    expect(row.attempts[0].message).toMatch(/did not answer in time/);
    expect(await project(u.projectId)).toEqual({ spent: "0.0243", reserved: "0" });
    const [asset] = await database.raw.query<{ storage_path: string }>(
      "select storage_path from public.assets where generation_id = $1",
      [row.id],
    );
    expect(Buffer.from((await store.storage.get(asset?.storage_path as string)) ?? []).toString()).toBe(
      "Ink-dark tide, the lighthouse counts its slow breaths.",
    );
    const [health] = await database.raw.query<{ failure_count: number }>(
      "select failure_count from public.provider_health where user_id = $1 and provider = 'openai'",
      [u.id],
    );
    expect(health?.failure_count).toBe(1);
    await expectInvariants(database, { userIds: [u.id], storageRoot: store.root });
  });

  it("image: OpenAI alone hangs; the request ends with PROVIDER_ERROR, the attempt recorded as a timeout", async () => {
    const u = await userWithKeys(database, ["openai"]);
    configure({ PROVIDER_TIMEOUT_MS: "300" });
    let res: CallResult;
    try {
      res = await gen(u.cookie, {
        type: "image",
        projectId: u.projectId,
        prompt: "[[hang]] a lighthouse",
        provider: "openai",
        model: "gpt-image-1",
        size: "1024x1024",
        quality: "low",
      });
    } finally {
      configure();
    }
    expect(res.status).toBe(502);
    expect(res.json).toMatchObject({ success: false, error: "PROVIDER_ERROR" });
    expect(res.json.details.attempts).toEqual([
      expect.objectContaining({ provider: "openai", outcome: "failed", reason: "timeout" }),
    ]);
    const row = await generation(res.json.details.generationId);
    expect(row).toMatchObject({ status: "failed", reserved_cents: "0", cost_cents: "0" });
    expect(await project(u.projectId)).toEqual({ spent: "0", reserved: "0" });
    expect(await userFiles(u.id)).toEqual([]);
    await expectInvariants(database, { userIds: [u.id], storageRoot: store.root });
  });

  it("text: both providers hang, each is cut at the timeout; the generation fails with both timeouts recorded", async () => {
    const u = await userWithKeys(database, ["openai", "anthropic"]);
    configure({ PROVIDER_TIMEOUT_MS: "300" });
    let res: CallResult;
    try {
      res = await gen(u.cookie, { type: "text", projectId: u.projectId, prompt: "[[hang]] say something" });
    } finally {
      configure();
    }
    expect(res.status).toBe(502);
    expect(res.json).toMatchObject({ success: false, error: "PROVIDER_ERROR" });
    expect(res.json.details.attempts.map((a: any) => [a.provider, a.outcome, a.reason])).toEqual([
      ["openai", "failed", "timeout"],
      ["anthropic", "failed", "timeout"],
    ]);
    const row = await generation(res.json.details.generationId);
    expect(row).toMatchObject({ status: "failed", reserved_cents: "0", cost_cents: "0" });
    expect(row.attempts.map((a) => a.reason)).toEqual(["timeout", "timeout"]);
    expect(row.completed_at).not.toBeNull();
    expect(await project(u.projectId)).toEqual({ spent: "0", reserved: "0" });
    await expectInvariants(database, { userIds: [u.id], storageRoot: store.root });
  });

  it("streamed text: the hang ends the stream with an error event, not a stalled connection", async () => {
    const u = await userWithKeys(database, ["openai"]);
    configure({ PROVIDER_TIMEOUT_MS: "300" });
    let events: { event: string; data: any }[];
    try {
      events = await streamed(u.cookie, {
        type: "text",
        projectId: u.projectId,
        prompt: "[[hang]] stream something",
        provider: "openai",
        model: "gpt-4o",
      });
    } finally {
      configure();
    }
    expect(events.map((e) => e.event)).toEqual(["generation", "attempt", "error"]);
    expect(events[1]?.data).toMatchObject({ provider: "openai", outcome: "failed", reason: "timeout" });
    expect(events[2]?.data).toMatchObject({ success: false, error: "PROVIDER_ERROR" });
    expect(await generation(events[0]?.data.id)).toMatchObject({ status: "failed", reserved_cents: "0" });
    await expectInvariants(database, { userIds: [u.id], storageRoot: store.root });
  });
});

describe("a stream cut midway", () => {
  const cases = [
    {
      provider: "openai" as const,
      model: "gpt-4o",
      received: "Silver waves ",
      // OpenAI reports usage only at the end of a stream: both sides counted with its tokenizer (o200k_base).
      // Prompt: 7 tokens + 6 of chat framing; output: 3 tokens. 13 × $2.50/M + 3 × $10/M = $0.0000625.
      usage: { inputTokens: 13, outputTokens: 3 },
      cents: "0.00625",
    },
    {
      provider: "anthropic" as const,
      model: "claude-sonnet-4-5",
      received: "Ink-dark tide, ",
      // Anthropic reports the input (21 tokens) when the message starts; the 15 characters received count as
      // 5 tokens (one per 3 characters). 21 × $3/M + 5 × $15/M = $0.000138.
      usage: { inputTokens: 21, outputTokens: 5, cachedInputTokens: 0, cacheWriteTokens: 0 },
      cents: "0.0138",
    },
  ];
  for (const c of cases) {
    it(`${c.provider}: keeps the text received and charges exactly its tokens; the reservation is released`, async () => {
      const u = await userWithKeys(database, [c.provider]);
      // Something spent already, so the cut's charge is seen to add to it.
      const first = await gen(u.cookie, {
        type: "text",
        projectId: u.projectId,
        prompt: "before the cut",
        provider: c.provider,
        model: c.model,
        maxTokens: 100,
      });
      expect(first.status).toBe(200);
      const spentBefore = (await project(u.projectId))?.spent as string;
      expect(spentBefore).toBe(first.json.data.costCents);

      const request = { prompt: "[[cut]] write about the sea", maxTokens: 200 };
      const events = await streamed(u.cookie, {
        type: "text",
        projectId: u.projectId,
        provider: c.provider,
        model: c.model,
        ...request,
      });
      expect(events.filter((e) => e.event === "delta").map((e) => e.data.text)).toEqual(c.received.match(/\S+\s*/g));
      const last = events.at(-1);
      expect(last?.event).toBe("error");
      expect(last?.data).toMatchObject({ success: false, error: "PROVIDER_ERROR" });
      // Said as it happened: the provider stopped midway (not "could not be reached"), and what was kept and charged.
      expect(last?.data.message).toMatch(
        /^(OpenAI|Anthropic) stopped answering midway\. The text received so far was kept; only it was charged\.$/,
      );

      const row = await generation(events[0]?.data.id);
      expect(row).toMatchObject({ status: "failed", reserved_cents: "0" });
      expect(row.result).toEqual({ text: c.received, cut: true, usage: c.usage });
      expect([row.tokens_input, row.tokens_output]).toEqual([c.usage.inputTokens, c.usage.outputTokens]);
      // The charge is the product's calculator applied to the usage recorded on the row, to the last digit.
      const model = findModel(c.provider, c.model);
      if (!model) throw new Error("model not in the catalog");
      const recomputed = actualCost(
        model,
        { type: "text", ...request },
        { type: "text", usage: row.result.usage as TextUsage, outputText: row.result.text },
      );
      expect(recomputed.cents).toBe(c.cents);
      expect(row.cost_cents).toBe(c.cents);
      expect(await project(u.projectId)).toEqual({
        spent: toDecimalString(add(dec(spentBefore), dec(c.cents))),
        reserved: "0",
      });
      await expectInvariants(database, { userIds: [u.id], storageRoot: store.root });
    });
  }
});

describe("a crash between reserving budget and recording the outcome", () => {
  it("is reconciled at start-up: stale work failed and released, a submitted video job left to complete", async () => {
    const u = await userWithKeys(database, ["openai", "fal"], { budgetCents: "1000" });
    const text = {
      type: "text" as const,
      projectId: u.projectId,
      prompt: "lost in the crash",
      provider: "openai" as const,
      model: "gpt-4o",
      maxTokens: 100,
    };

    // 1. A text generation reserved its budget and got its answer; the process died while storing it. The request
    //    never settles: nothing after this point runs, as after a crash.
    const hold = holdStorageWrites(store.storage);
    void gen(u.cookie, text);
    await hold.writing;
    // 2. Another died right after the pipeline's prepare step, before reserving anything.
    const prepared = await prepareGeneration(
      { id: u.id, email: u.email },
      { ...text, prompt: "never reserved", system: undefined, temperature: undefined },
    );
    // 3. A video job the provider accepted before the crash.
    setStorage(store.storage);
    const video = await gen(u.cookie, {
      type: "video",
      projectId: u.projectId,
      prompt: "a crane in the mist",
      provider: "fal",
      model: "fal-ai/kling-video/v2.1/master/text-to-video",
      seconds: 5,
    });
    expect(video.status).toBe(202);

    // "Restart": in-process state gone; the new instance knows only the database and storage.
    setAuth(undefined);
    setStorage(createLocalStorage(store.root));
    try {
      const [crashed, pending, job] = (await generationsOf(u.projectId)) as [
        GenerationRow,
        GenerationRow,
        GenerationRow,
      ];
      expect(crashed).toMatchObject({
        status: "processing",
        provider_job_id: null,
        reserved_cents: crashed.estimated_cost_cents,
      });
      expect(compare(dec(crashed.reserved_cents), dec(0))).toBe(1);
      expect(pending).toMatchObject({ id: prepared.generationId, status: "pending", reserved_cents: "0" });
      expect(job).toMatchObject({ id: video.json.data.id, status: "processing", reserved_cents: "140" });
      expect(job.provider_job_id).toBeTruthy();
      const held = toDecimalString(add(dec(crashed.reserved_cents), dec("140")));
      expect(await project(u.projectId)).toEqual({ spent: "0", reserved: held });

      // Work updated within the stale window may still be running elsewhere: left alone.
      await reconcileInterrupted(database.db);
      expect((await generation(crashed.id)).status).toBe("processing");
      expect((await project(u.projectId))?.reserved).toBe(held);

      // Past the window: the interrupted rows are failed and their reservations returned; the video job is not.
      await backdate([crashed.id, pending.id, job.id]);
      await reconcileInterrupted(database.db);
      for (const id of [crashed.id, pending.id]) {
        expect(await generation(id)).toMatchObject({
          status: "failed",
          reserved_cents: "0",
          cost_cents: "0",
          error_message:
            "Interrupted before its outcome was recorded (a server restart or a lost database connection); nothing was charged.",
        });
        expect((await generation(id)).completed_at).not.toBeNull();
      }
      expect(await generation(job.id)).toMatchObject({ status: "processing", reserved_cents: "140" });
      expect(await project(u.projectId)).toEqual({ spent: "0", reserved: "140" });
      expect(await userFiles(u.id)).toEqual([]);
      await expectInvariants(database, { userIds: [u.id], storageRoot: store.root });

      // The job resumes by polling its provider, and completes: stored, charged, released.
      let g = (await poll(u.cookie, job.id)).json.data;
      for (let i = 0; i < 5 && g.status !== "completed"; i++) g = (await poll(u.cookie, job.id)).json.data;
      expect(g).toMatchObject({ status: "completed", costCents: "140" });
      const [asset] = await database.raw.query<{ storage_path: string }>(
        "select storage_path from public.assets where generation_id = $1",
        [job.id],
      );
      expect(Buffer.from((await store.storage.get(asset?.storage_path as string)) ?? []).equals(MP4_BYTES)).toBe(true);
      expect(await project(u.projectId)).toEqual({ spent: "140", reserved: "0" });

      // A second start-up changes nothing.
      await backdate([crashed.id, pending.id, job.id]);
      await reconcileInterrupted(database.db);
      expect((await generationsOf(u.projectId)).map((r) => r.status)).toEqual(["failed", "failed", "completed"]);
      expect(await project(u.projectId)).toEqual({ spent: "140", reserved: "0" });
      await expectInvariants(database, { userIds: [u.id], storageRoot: store.root });
    } finally {
      setStorage(store.storage);
    }
  });
});

describe("the invariant check itself", () => {
  it("reports a stored file without an asset, an asset without its file, stray avatars and held reservations", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "atelier-invariants-"));
    const local = createLocalStorage(root);
    const u = await userWithKeys(database, []);
    const scope = { userIds: [u.id], storageRoot: root };
    await expectInvariants(database, scope);

    await local.put(`${u.id}/${u.projectId}/orphan.png`, PNG_1x1, "image/png");
    await expect(expectInvariants(database, scope)).rejects.toThrow(/belongs to no asset: .*orphan\.png/);
    await local.delete(`${u.id}/${u.projectId}/orphan.png`);

    const [asset] = await database.raw.query<{ id: string }>(
      `insert into public.assets (project_id, user_id, type, storage_path, file_size_bytes)
       values ($1, $2, 'image', $3, $4) returning id`,
      [u.projectId, u.id, `${u.id}/${u.projectId}/kept.png`, PNG_1x1.length],
    );
    await expect(expectInvariants(database, scope)).rejects.toThrow(/kept\.png is missing from storage/);
    await local.put(`${u.id}/${u.projectId}/kept.png`, PNG_1x1.subarray(1), "image/png");
    await expect(expectInvariants(database, scope)).rejects.toThrow(/holds \d+ bytes, the row says/);
    await local.put(`${u.id}/${u.projectId}/kept.png`, PNG_1x1, "image/png");
    await expectInvariants(database, scope);

    await local.put(`${u.id}/profile/avatar.webp`, PNG_1x1, "image/webp");
    await expect(expectInvariants(database, scope)).rejects.toThrow(/avatar file without a user/);
    await database.raw.query("update public.users set avatar_url = '/api/profile/avatar?v=1' where id = $1", [u.id]);
    await expectInvariants(database, scope);

    const [g] = await database.raw.query<{ id: string }>(
      `insert into public.generations (project_id, user_id, provider, model, generation_type, prompt, status, reserved_cents)
       values ($1, $2, 'openai', 'gpt-4o', 'text', 'p', 'processing', 3) returning id`,
      [u.projectId, u.id],
    );
    await database.raw.query("update public.projects set reserved_cents = 3 where id = $1", [u.projectId]);
    await expect(expectInvariants(database, scope)).rejects.toThrow(/left processing[\s\S]*reserves 3/);
    // A video job still running at its provider may hold its reservation.
    await database.raw.query(
      "update public.generations set generation_type = 'video', provider_job_id = 'job-1' where id = $1",
      [g?.id],
    );
    await expectInvariants(database, scope);
    await database.raw.query("update public.generations set status = 'failed' where id = $1", [g?.id]);
    await expect(expectInvariants(database, scope)).rejects.toThrow(/ended failed still reserving 3/);
    await database.raw.query("update public.generations set reserved_cents = 0, cost_cents = 1 where id = $1", [g?.id]);
    await database.raw.query("update public.projects set reserved_cents = 0 where id = $1", [u.projectId]);
    await expect(expectInvariants(database, scope)).rejects.toThrow(/has spent 0; its generations cost 1/);
    await database.raw.query("delete from public.assets where id = $1", [asset?.id]);
  });
});
