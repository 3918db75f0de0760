// Lighthouse (desktop profile) in Debian Chromium on the login page and, signed in, on the projects and analytics
// pages: scores, Core Web Vitals, and the first-load JavaScript of the projects page (gzip bytes over the wire).
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
// Lighthouse 12 dropped its PWA category; Lighthouse 11's installability audit is Chrome's own check
// (Page.getInstallabilityErrors over the fetched manifest), so it runs from an aliased copy.
import lighthousePwa from "lighthouse-pwa";

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
            | {
                items?: { resourceType?: string; transferSize?: number; url?: string; sessionTargetType?: string }[];
              }
            | undefined
        )?.items ?? [];
      const scriptBytes = requests
        // What the page loads; not what the service worker precaches in the background on a first visit.
        .filter((r) => r.resourceType === "Script" && r.url?.startsWith(BASE) && r.sessionTargetType !== "worker")
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
      };
      console.log(`lighthouse ${name}`, out[name]);
    }
    out.pwa = await pwaChecks(chrome.port, cookie);
    console.log("lighthouse pwa", out.pwa);
    return out;
  } finally {
    await chrome.kill();
    server.kill("SIGTERM");
  }
}

/**
 * Installability as Lighthouse 11 judged it (the PWA category: Chrome's installability errors for the manifest,
 * maskable icon, splash screen, themed address bar, viewport), on the signed-in start page; then the service worker
 * the way Lighthouse's former "registers a service worker that controls the start URL / works offline" audits did.
 */
async function pwaChecks(port: number, cookie: string): Promise<LhResult> {
  // biome-ignore lint/suspicious/noExplicitAny: Lighthouse 11's types are not those of the Lighthouse 12 we also import
  const runPwa = lighthousePwa as unknown as (url: string, flags: object, config: object) => Promise<any>;
  const result = await runPwa(
    `${BASE}/projects`,
    { port, output: "json", logLevel: "error", extraHeaders: { Cookie: cookie } },
    { extends: "lighthouse:default", settings: { onlyCategories: ["pwa"] } },
  );
  const lhr = result?.lhr;
  const audits: Record<string, number | null> = {};
  for (const ref of lhr?.categories?.pwa?.auditRefs ?? []) {
    const a = lhr.audits[ref.id];
    if (a && a.scoreDisplayMode !== "manual") audits[ref.id] = a.score;
  }
  const installErrors = ((lhr?.audits?.["installable-manifest"]?.details?.items ?? []) as { reason?: string }[]).map(
    (i) => i.reason,
  );

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  let serviceWorker: LhResult;
  try {
    const context = await browser.newContext();
    const [name, value] = cookie.split("=") as [string, string];
    await context.addCookies([{ name, value, url: BASE }]);
    const page = await context.newPage();
    await page.goto(`${BASE}/projects`);
    const started = Date.now();
    await page.waitForFunction(() => navigator.serviceWorker.controller?.state === "activated", null, {
      timeout: 60_000,
    });
    const controlledAfterMs = Date.now() - started;
    const precached = await page.evaluate(async () => {
      const names = await caches.keys();
      let entries = 0;
      for (const n of names) if (n.includes("precache")) entries += (await (await caches.open(n)).keys()).length;
      return entries;
    });
    // A returning user: the start page was opened once under the service worker, then the connection drops.
    await page.reload();
    await context.setOffline(true);
    const offline = await page.reload();
    const startUrlOffline = offline?.status() ?? null;
    const startUrlOfflineTitle = await page.title();
    serviceWorker = { controlsStartUrl: true, controlledAfterMs, precached, startUrlOffline, startUrlOfflineTitle };
  } catch (error) {
    serviceWorker = { controlsStartUrl: false, error: String(error) };
  } finally {
    await browser.close();
  }
  return {
    lighthouseVersion: lhr?.lighthouseVersion ?? null,
    installable: lhr?.audits?.["installable-manifest"]?.score ?? null,
    installErrors,
    audits,
    serviceWorker,
  };
}
