// Lighthouse (desktop profile) in Debian Chromium on the login page and, signed in, on the projects and analytics
// pages: scores, Core Web Vitals, and the first-load JavaScript of the projects page (gzip bytes over the wire).
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";

const PORT = 3450;
const BASE = `http://localhost:${PORT}`;

async function startServer(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(PORT)], {
    env: {
      ...process.env,
      DATA_DIR: mkdtempSync(path.join(os.tmpdir(), "atelier-lh-")),
      LOG_LEVEL: "error",
      NODE_ENV: "production",
    },
    stdio: "ignore",
  });
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${BASE}/login`)).ok) return child;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill();
  throw new Error("the app did not start for Lighthouse");
}

async function signedInCookie(): Promise<string> {
  const res = await fetch(`${BASE}/api/auth/signup`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: `lh-${Date.now()}@example.test`, password: "a sturdy passphrase" }),
  });
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith("atelier_session="))
    ?.split(";")[0];
  if (!cookie) throw new Error("sign-up for Lighthouse failed");
  await fetch(`${BASE}/api/projects`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify({ name: "Benchmark project", budgetCents: "2500" }),
  });
  return cookie;
}

type LhResult = Record<string, unknown>;

export async function runLighthouse(): Promise<LhResult> {
  const server = await startServer();
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    chromeFlags: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  try {
    const cookie = await signedInCookie();
    const out: LhResult = {};
    for (const [name, url, headers] of [
      ["login", `${BASE}/login`, {}],
      ["projects", `${BASE}/projects`, { Cookie: cookie }],
      ["analytics", `${BASE}/analytics`, { Cookie: cookie }],
    ] as const) {
      const result = await lighthouse(
        url,
        { port: chrome.port, output: "json", logLevel: "error", extraHeaders: headers },
        desktopConfig,
      );
      const lhr = result?.lhr;
      if (!lhr) continue;
      const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
      const audit = (id: string) => lhr.audits[id]?.numericValue;
      const requests =
        (
          lhr.audits["network-requests"]?.details as
            | { items?: { resourceType?: string; transferSize?: number; url?: string }[] }
            | undefined
        )?.items ?? [];
      const scriptBytes = requests
        .filter((r) => r.resourceType === "Script" && r.url?.startsWith(BASE))
        .reduce((n, r) => n + (r.transferSize ?? 0), 0);
      out[name] = {
        performance: score("performance"),
        accessibility: score("accessibility"),
        bestPractices: score("best-practices"),
        seo: score("seo"),
        lcpMs: Math.round(audit("largest-contentful-paint") ?? 0),
        fcpMs: Math.round(audit("first-contentful-paint") ?? 0),
        cls: Number((audit("cumulative-layout-shift") ?? 0).toFixed(3)),
        tbtMs: Math.round(audit("total-blocking-time") ?? 0),
        firstLoadJsKBGzip: Number((scriptBytes / 1024).toFixed(1)),
        installable: lhr.audits["installable-manifest"]?.score ?? null,
      };
      console.log(`lighthouse ${name}`, out[name]);
    }
    return out;
  } finally {
    await chrome.kill();
    server.kill("SIGTERM");
  }
}
