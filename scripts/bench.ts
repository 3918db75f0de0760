// `npm run bench`: measures Atelier's hot paths and writes the figures, with a description of the machine,
// to bench/results/<timestamp>.json. PostgreSQL parts run when BENCH_DATABASE_URL or TEST_DATABASE_URL is set
// (a throwaway database is created there and dropped). Provider calls go to the loopback fakes from tests/.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import OpenAI from "openai";
import postgres from "postgres";
import { GET as costRoute } from "@/app/api/analytics/cost/route";
import { GET as providerRoute } from "@/app/api/analytics/provider/route";
import { GET as usageRoute } from "@/app/api/analytics/usage/route";
import { POST as addKey } from "@/app/api/api-keys/route";
import { POST as generate } from "@/app/api/generate/route";
import { POST as createProject } from "@/app/api/projects/route";
import { hashPassword, verifyPassword } from "@/lib/server/auth/password";
import { parseConfig, setConfig } from "@/lib/server/config";
import { setDatabase } from "@/lib/server/db";
import { type Database, openPglite, openPostgres } from "@/lib/server/db/client";
import { migrate } from "@/lib/server/db/migrate";
import { setStorage } from "@/lib/server/storage";
import { createLocalStorage } from "@/lib/server/storage/local";
import { setKeyring } from "@/lib/server/vault";
import { startOpenAIFake } from "@/tests/fakes/openai-server";
import { runLighthouse } from "./lighthouse-bench";

type Stat = { name: string; n: number; p50_ms: number; p95_ms: number; p99_ms: number; mean_ms: number };
const KEY = `sk-bench-${randomBytes(12).toString("hex")}`;
const results: Record<string, unknown> = {};

function stats(name: string, times: number[]): Stat {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) =>
    Number((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0).toFixed(3));
  return {
    name,
    n: times.length,
    p50_ms: at(0.5),
    p95_ms: at(0.95),
    p99_ms: at(0.99),
    mean_ms: Number((times.reduce((a, b) => a + b, 0) / times.length).toFixed(3)),
  };
}

/** Runs `total` calls with `concurrency` in flight; returns each call's latency. */
async function load(
  total: number,
  concurrency: number,
  fn: (i: number) => Promise<unknown>,
): Promise<{ times: number[]; seconds: number }> {
  const times: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t = performance.now();
        await fn(i);
        times.push(performance.now() - t);
      }
    }),
  );
  return { times, seconds: (performance.now() - started) / 1000 };
}

async function request(
  handler: (req: Request, ctx: { params: Promise<unknown> }) => Promise<Response>,
  init: { method?: string; path?: string; cookie: string; body?: unknown },
) {
  const res = await handler(
    new Request(`http://localhost${init.path ?? "/"}`, {
      method: init.method ?? "GET",
      headers: { cookie: init.cookie, ...(init.body ? { "content-type": "application/json" } : {}) },
      body: init.body ? JSON.stringify(init.body) : undefined,
    }),
    { params: Promise.resolve({}) },
  );
  // biome-ignore lint/suspicious/noExplicitAny: each route answers its own shape
  const json = (await res.json()) as { success: boolean; data: any; message?: string };
  if (!json.success) throw new Error(`${res.status} ${json.message}`);
  return json.data;
}

async function setUp(database: Database, openaiUrl: string) {
  await migrate(database, { bootstrap: true });
  setDatabase(database);
  const [user] = await database.raw.query<{ id: string }>("insert into auth.users (email) values ($1) returning id", [
    `bench-${randomBytes(6).toString("hex")}@example.test`,
  ]);
  const userId = (user as { id: string }).id;
  const token = randomBytes(32).toString("base64url");
  const { createHash } = await import("node:crypto");
  await database.raw.query(
    "insert into auth.local_sessions (id, user_id, expires_at) values ($1, $2, now() + interval '1 day')",
    [createHash("sha256").update(token).digest("hex"), userId],
  );
  const cookie = `atelier_session=${token}`;
  await request(addKey, { method: "POST", cookie, body: { provider: "openai", name: "Bench", key: KEY } });
  const project = await request(createProject, { method: "POST", cookie, body: { name: "Bench" } });
  void openaiUrl;
  return { userId, cookie, projectId: project.id as string };
}

const textBody = (projectId: string, i: number) => ({
  type: "text",
  projectId,
  prompt: `Benchmark prompt ${i}`,
  provider: "openai",
  model: "gpt-4o",
  maxTokens: 50,
});

async function gatewayOverhead(label: string, database: Database, openaiUrl: string) {
  const { cookie, projectId } = await setUp(database, openaiUrl);
  const client = new OpenAI({ apiKey: KEY, baseURL: `${openaiUrl}/v1`, maxRetries: 0 });
  const direct = async () => {
    const stream = await client.chat.completions.create({
      model: "gpt-4o",
      messages: [{ role: "user", content: "Benchmark prompt" }],
      stream: true,
      stream_options: { include_usage: true },
      max_completion_tokens: 50,
    });
    for await (const _ of stream) {
      // consume, as the adapter does
    }
  };
  const viaGateway = (i: number) =>
    request(generate, { method: "POST", path: "/api/generate?stream=false", cookie, body: textBody(projectId, i) });
  await load(20, 4, viaGateway); // warm up
  await load(20, 4, direct);
  const out: Record<string, unknown> = {};
  for (const concurrency of [1, 32]) {
    const n = concurrency === 1 ? 200 : 640;
    const d = stats(`direct SDK call, concurrency ${concurrency}`, (await load(n, concurrency, direct)).times);
    const g = stats(`POST /api/generate, concurrency ${concurrency}`, (await load(n, concurrency, viaGateway)).times);
    out[`concurrency_${concurrency}`] = {
      direct: d,
      gateway: g,
      added_ms: {
        p50: Number((g.p50_ms - d.p50_ms).toFixed(3)),
        p95: Number((g.p95_ms - d.p95_ms).toFixed(3)),
        p99: Number((g.p99_ms - d.p99_ms).toFixed(3)),
      },
    };
  }
  results[`gateway_overhead_${label}`] = out;
  console.log(`gateway overhead (${label})`, JSON.stringify(out, null, 1));
}

async function throughput(database: Database, openaiUrl: string) {
  const { cookie, projectId } = await setUp(database, openaiUrl);
  const total = 2000;
  const { times, seconds } = await load(total, 50, (i) =>
    request(generate, { method: "POST", path: "/api/generate?stream=false", cookie, body: textBody(projectId, i) }),
  );
  const out = {
    total,
    concurrency: 50,
    seconds: Number(seconds.toFixed(2)),
    generations_per_second: Number((total / seconds).toFixed(1)),
    latency: stats("generation latency at concurrency 50", times),
  };
  results.throughput_postgres = out;
  console.log("throughput (PostgreSQL)", out);
}

async function analytics(database: Database, openaiUrl: string) {
  const { userId, cookie, projectId } = await setUp(database, openaiUrl);
  const rows = 1_000_000;
  const seedStarted = performance.now();
  await database.raw.exec(`
    insert into public.generations (project_id, user_id, provider, model, generation_type, prompt, status, cost_cents, duration_ms, tokens_total, created_at)
    select '${projectId}', '${userId}', (array['openai','anthropic','fal'])[1 + i % 3], (array['gpt-4o','claude-sonnet-4-5','fal-ai/flux/schnell'])[1 + i % 3],
           (array['text','text','image'])[1 + i % 3], 'seeded', case when i % 20 = 0 then 'failed' else 'completed' end,
           (i % 97) * 0.0013, 200 + (i % 1500), 65, now() - make_interval(secs => (i % (90 * 86400)))
      from generate_series(1, ${rows}) i;
    insert into public.usage_analytics (user_id, project_id, period_type, period_start, provider, model, generation_type,
           request_count, success_count, failure_count, total_tokens, total_cost_cents, avg_duration_ms)
    select user_id, project_id, 'daily', created_at::date, provider, model, generation_type, count(*),
           count(*) filter (where status = 'completed'), count(*) filter (where status = 'failed'), sum(tokens_total), sum(cost_cents), avg(duration_ms)
      from public.generations where user_id = '${userId}' group by 1, 2, 3, 4, 5, 6, 7;`);
  // The rollups' duration histograms, built the way the migration backfills them.
  const migration = readFileSync("supabase/migrations/20261127000300_duration_histograms.sql", "utf8");
  await database.raw.exec(migration.slice(migration.indexOf("update public.usage_analytics u")));
  await database.raw.exec("analyze public.generations; analyze public.usage_analytics;");
  const seeded = (performance.now() - seedStarted) / 1000;
  const out: Record<string, unknown> = { generations: rows, seed_seconds: Number(seeded.toFixed(1)) };
  for (const [name, handler, query] of [
    ["GET /api/analytics/usage?groupBy=day", usageRoute, "?groupBy=day"],
    ["GET /api/analytics/cost?groupBy=provider", costRoute, "?groupBy=provider"],
    ["GET /api/analytics/cost?groupBy=model", costRoute, "?groupBy=model"],
    ["GET /api/analytics/provider", providerRoute, ""],
  ] as const) {
    await load(5, 1, () => request(handler, { cookie, path: `/api/analytics/x${query}` }));
    out[name] = stats(
      name,
      (await load(50, 1, () => request(handler, { cookie, path: `/api/analytics/x${query}` }))).times,
    );
  }
  results.analytics_postgres_1m = out;
  console.log("analytics over 1,000,000 generations (PostgreSQL)", JSON.stringify(out, null, 1));
}

async function main() {
  const openai = await startOpenAIFake({ validKeys: [KEY] });
  setConfig(
    parseConfig({
      NODE_ENV: "production",
      LOG_LEVEL: "error",
      OPENAI_BASE_URL: `${openai.url}/v1`,
      RATE_LIMIT_PER_MINUTE: "100000000",
      ENCRYPTION_MASTER_KEY: randomBytes(32).toString("base64"),
    }),
  );
  setKeyring({ current: randomBytes(32), previous: [] });
  setStorage(createLocalStorage(mkdtempSync(path.join(os.tmpdir(), "atelier-bench-"))));

  const hash = await hashPassword("a sturdy passphrase");
  results.password = {
    hash: stats("scrypt hash (N=2^17, r=8, p=1)", (await load(5, 1, () => hashPassword("a sturdy passphrase"))).times),
    verify: stats("scrypt verify", (await load(5, 1, () => verifyPassword("a sturdy passphrase", hash))).times),
  };

  const pglite = await openPglite();
  await gatewayOverhead("pglite", pglite, openai.url);
  await pglite.close();

  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    const name = `atelier_bench_${Date.now()}`;
    await admin.unsafe(`create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    try {
      const pg = openPostgres(url.toString(), { max: 20 });
      await gatewayOverhead("postgres", pg, openai.url);
      await throughput(pg, openai.url);
      await analytics(pg, openai.url);
      await pg.close();
    } finally {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  } else {
    console.log("(set BENCH_DATABASE_URL or TEST_DATABASE_URL for the PostgreSQL benchmarks)");
  }
  await openai.close();

  if (existsSync(".next/BUILD_ID")) results.lighthouse_desktop = await runLighthouse();
  else console.log("(run `npm run build` first for the Lighthouse part)");

  mkdirSync("bench/results", { recursive: true });
  const file = `bench/results/${new Date().toISOString().replace(/[:.]/g, "-")}.json`;
  const machine = {
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
  };
  writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), machine, results }, null, 2));
  console.log(`written to ${file}`);
}

await main();
