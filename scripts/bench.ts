// `npm run bench`: measures the hot paths that exist so far and writes the figures to bench-results/.
import { mkdirSync, writeFileSync } from "node:fs";
import { hashPassword, verifyPassword } from "@/lib/server/auth/password";
import { type Database, openPglite, openPostgres } from "@/lib/server/db/client";
import { migrate } from "@/lib/server/db/migrate";
import { asUser } from "@/lib/server/db/rls";
import { createProject } from "@/lib/server/projects/create-project";
import { listProjects } from "@/lib/server/projects/list-projects";

type Stat = { name: string; n: number; p50_ms: number; p95_ms: number; mean_ms: number };

async function measure(name: string, n: number, fn: (i: number) => Promise<unknown>): Promise<Stat> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => Number((times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0).toFixed(3));
  const mean = Number((times.reduce((a, b) => a + b, 0) / times.length).toFixed(3));
  return { name, n, p50_ms: at(0.5), p95_ms: at(0.95), mean_ms: mean };
}

async function benchDatabase(label: string, database: Database): Promise<Stat[]> {
  await migrate(database, { bootstrap: true });
  const [user] = await database.raw.query<{ id: string }>("insert into auth.users (email) values ($1) returning id", [
    `bench-${Date.now()}@example.test`,
  ]);
  const userId = (user as { id: string }).id;
  const stats: Stat[] = [];
  stats.push(
    await measure(`${label}: create project (RLS transaction)`, 200, (i) =>
      asUser(userId, (tx) => createProject(tx, { userId, name: `P${i}`, budgetCents: "1000" }), database),
    ),
  );
  stats.push(
    await measure(`${label}: list 200 projects (RLS transaction)`, 100, () =>
      asUser(userId, (tx) => listProjects(tx, { userId, archived: "false" }), database),
    ),
  );
  await database.close();
  return stats;
}

const results: Stat[] = [];
const hash = await hashPassword("a sturdy passphrase");
results.push(await measure("scrypt hash (N=2^17, r=8, p=1)", 10, () => hashPassword("a sturdy passphrase")));
results.push(await measure("scrypt verify", 10, () => verifyPassword("a sturdy passphrase", hash)));
results.push(...(await benchDatabase("PGlite", await openPglite())));
if (process.env.BENCH_DATABASE_URL) {
  results.push(...(await benchDatabase("PostgreSQL", openPostgres(process.env.BENCH_DATABASE_URL, { max: 2 }))));
}

mkdirSync("bench-results", { recursive: true });
const file = `bench-results/bench-${new Date().toISOString().replace(/[:.]/g, "-")}.json`;
writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), node: process.version, results }, null, 2));
console.table(results);
console.log(`written to ${file}`);
