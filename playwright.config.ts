import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { E2E_PROVIDER_ENV } from "./tests/e2e/e2e-env";

// Debian's Chromium, never a downloaded browser. The flags keep it off the (closed) network.
export const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

const embeddedPort = 3100;
const postgresPort = 3101;
const e2eDatabaseUrl = process.env.E2E_DATABASE_URL;
// Each run starts the embedded server on an empty data directory (kept stable across config re-evaluations in workers).
process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), "atelier-e2e-"));

const next = "node node_modules/next/dist/bin/next start";
const projects: { name: string; testIgnore?: RegExp; use: Record<string, unknown> }[] = [
  {
    name: "embedded",
    use: { ...devices["Desktop Chrome"], baseURL: `http://localhost:${embeddedPort}`, launchOptions: chromium },
  },
];
const webServer: {
  command: string;
  url: string;
  env: Record<string, string>;
  reuseExistingServer: boolean;
  timeout: number;
}[] = [
  {
    command: `${next} -p ${embeddedPort}`,
    url: `http://localhost:${embeddedPort}/login`,
    env: { DATA_DIR: process.env.E2E_DATA_DIR, LOG_LEVEL: "warn", ...E2E_PROVIDER_ENV } as Record<string, string>,
    reuseExistingServer: false,
    timeout: 120_000,
  },
];
if (e2eDatabaseUrl) {
  projects.push({
    name: "postgres",
    // the restart test starts its own embedded server; the postgres project reruns the UI journeys
    testIgnore: /restart/,
    use: { ...devices["Desktop Chrome"], baseURL: `http://localhost:${postgresPort}`, launchOptions: chromium },
  });
  webServer.push({
    command: `${next} -p ${postgresPort}`,
    url: `http://localhost:${postgresPort}/login`,
    env: {
      DATABASE_URL: e2eDatabaseUrl,
      ENCRYPTION_MASTER_KEY: Buffer.alloc(32, 7).toString("base64"),
      DATA_DIR: path.join(process.env.E2E_DATA_DIR, "pg-mode"),
      LOG_LEVEL: "warn",
      ...E2E_PROVIDER_ENV,
    } as Record<string, string>,
    reuseExistingServer: false,
    timeout: 120_000,
  });
}

export default defineConfig({
  testDir: "tests/e2e",
  globalSetup: "./tests/e2e/global-setup.ts",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: { trace: "retain-on-failure", screenshot: "only-on-failure" },
  projects,
  webServer,
});
