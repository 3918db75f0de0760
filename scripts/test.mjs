// `npm test`: every test. Lint, unit/integration/API tests on PGlite (and again on PostgreSQL when
// TEST_DATABASE_URL is set), a production build, then the browser tests in Debian Chromium.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import postgres from "postgres";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const results = [];
const pgUrl = process.env.TEST_DATABASE_URL;
mkdirSync("test-results", { recursive: true });

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}`);
  const r = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  if (r.status !== 0) {
    summarize();
    console.error(`\n✖ ${label} failed`);
    process.exit(r.status ?? 1);
  }
}

function count(label, file, read) {
  if (!existsSync(file)) return;
  const [passed, failed] = read(JSON.parse(readFileSync(file, "utf8")));
  results.push({ label, passed, failed });
}

const vitestCounts = (j) => [j.numPassedTests, j.numFailedTests];
const playwrightCounts = (j) => [j.stats.expected, j.stats.unexpected + j.stats.flaky];

function summarize() {
  for (const r of results) console.log(`  ${r.label}: ${r.passed} passed, ${r.failed} failed`);
  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed, 0);
  console.log(`\ntests: ${passed} passed, ${failed} failed`);
}

const vitest = (db, file) => [
  "node_modules/vitest/vitest.mjs",
  ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${file}`],
  { TEST_DB: db },
];

run("lint and format (biome)", "node_modules/.bin/biome", ["ci", "."]);
run("type check", "node_modules/.bin/tsc", ["--noEmit"]);

const pgliteFile = "test-results/vitest-pglite.json";
const [vCmd, vArgs, vEnv] = vitest("pglite", pgliteFile);
try {
  run("unit, integration and API tests on PGlite", process.execPath, [vCmd, ...vArgs], vEnv);
} finally {
  count("vitest (PGlite)", pgliteFile, vitestCounts);
}

if (pgUrl) {
  const file = "test-results/vitest-postgres.json";
  const [cmd, args, env] = vitest("postgres", file);
  run("unit, integration and API tests on PostgreSQL", process.execPath, [cmd, ...args], env);
  count("vitest (PostgreSQL)", file, vitestCounts);
}

run("production build", process.execPath, ["node_modules/next/dist/bin/next", "build"]);

let e2eDb;
let admin;
const e2eEnv = { PLAYWRIGHT_JSON_OUTPUT_NAME: "test-results/playwright.json" };
if (pgUrl) {
  admin = postgres(pgUrl, { max: 1, onnotice: () => {} });
  e2eDb = `atelier_e2e_${Date.now()}`;
  await admin.unsafe(`create database ${e2eDb}`);
  const url = new URL(pgUrl);
  url.pathname = `/${e2eDb}`;
  e2eEnv.E2E_DATABASE_URL = url.toString();
  run("migrate the browser tests' PostgreSQL database", "npm", ["run", "--silent", "db:migrate"], {
    DATABASE_URL: url.toString(),
    ENCRYPTION_MASTER_KEY: Buffer.alloc(32, 7).toString("base64"),
  });
}
try {
  run(
    "browser tests (Playwright, Debian Chromium)",
    "node_modules/.bin/playwright",
    ["test", "--reporter=list,json,html"],
    e2eEnv,
  );
} finally {
  count("playwright", "test-results/playwright.json", playwrightCounts);
  if (admin) {
    await admin.unsafe(`drop database if exists ${e2eDb} with (force)`);
    await admin.end();
  }
}
summarize();
