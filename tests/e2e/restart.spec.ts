import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";

// The README's first command (`npm start`, after install) with no configuration: embedded mode, data kept across restarts.
const PORT = 3102;
const base = `http://localhost:${PORT}`;
const dataDir = mkdtempSync(path.join(tmpdir(), "atelier-restart-"));

function startServer(): { child: ChildProcess; output: () => string } {
  const env: NodeJS.ProcessEnv = { NODE_ENV: "production" };
  for (const name of ["PATH", "HOME", "TMPDIR"]) if (process.env[name]) env[name] = process.env[name];
  // No DATABASE_URL, SUPABASE_* or ENCRYPTION_MASTER_KEY: only where to keep data, so the run does not touch ./.data.
  env.DATA_DIR = dataDir;
  env.PORT = String(PORT);
  let output = "";
  const child = spawn(process.execPath, ["scripts/start.mjs"], { env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.on("data", (d: Buffer) => {
    output += d;
  });
  child.stderr?.on("data", (d: Buffer) => {
    output += d;
  });
  return { child, output: () => output };
}

async function waitUntilUp(): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      const res = await fetch(`${base}/login`);
      if (res.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("server did not start");
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

test("serves with no configuration and keeps data across a restart", async ({ request }) => {
  const first = startServer();
  try {
    await waitUntilUp();
    expect(first.output()).toContain("starting in embedded mode");
    const signup = await request.post(`${base}/api/auth/signup`, {
      data: { email: "restart@example.test", password: "a sturdy passphrase" },
    });
    expect(signup.status()).toBe(201);
    const created = await request.post(`${base}/api/projects`, {
      data: { name: "Survives restarts", budgetCents: "1234.5" },
    });
    expect(created.status()).toBe(201);
  } finally {
    await stop(first.child);
  }

  const second = startServer();
  try {
    await waitUntilUp();
    const login = await request.post(`${base}/api/auth/login`, {
      data: { email: "restart@example.test", password: "a sturdy passphrase" },
    });
    expect(login.status()).toBe(200);
    const list = await request.get(`${base}/api/projects`);
    const body = await list.json();
    expect(body.data).toEqual([expect.objectContaining({ name: "Survives restarts", budgetCents: "1234.5" })]);
  } finally {
    await stop(second.child);
  }
});
