import { expect, test } from "@playwright/test";

const COMMON = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
};

test("every kind of response carries the security headers", async ({ request, page }) => {
  await page.goto("/login");
  const script = await page.evaluate(() => (document.querySelector("script[src]") as HTMLScriptElement | null)?.src);
  const urls = [
    "/login",
    "/projects",
    "/offline.html",
    "/api/auth/me",
    "/api/health",
    "/api/does-not-exist",
    "/serwist/sw.js",
    "/manifest.webmanifest",
    script ?? "/favicon.ico",
  ];
  for (const url of urls) {
    const res = await request.get(url, { maxRedirects: 0 });
    const headers = res.headers();
    for (const [name, value] of Object.entries(COMMON)) expect(headers[name], `${name} on ${url}`).toBe(value);
    expect(headers["permissions-policy"], url).toContain("camera=()");
    expect(headers["strict-transport-security"], url).toContain("max-age=");
  }
  const page1 = (await request.get("/login")).headers()["content-security-policy"] ?? "";
  expect(page1).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(page1).toContain("frame-ancestors 'none'");
  expect(page1).toContain("object-src 'none'");
  const page2 = (await request.get("/login")).headers()["content-security-policy"] ?? "";
  expect(page2.match(/nonce-([^']+)/)?.[1]).not.toBe(page1.match(/nonce-([^']+)/)?.[1]);
  // The service worker is served to anyone (no session needed), as JavaScript, allowed to control the whole app.
  const sw = await request.get("/serwist/sw.js", { maxRedirects: 0 });
  expect(sw.status()).toBe(200);
  expect(sw.headers()["content-type"]).toContain("javascript");
  expect(sw.headers()["service-worker-allowed"]).toBe("/");
  const api = (await request.get("/api/auth/me")).headers()["content-security-policy"];
  expect(api).toBe("default-src 'none'; frame-ancestors 'none'");
});

test("the web app manifest names the app, its icons (with a maskable one), display and shortcuts", async ({
  request,
  page,
}) => {
  const res = await request.get("/manifest.webmanifest");
  expect(res.ok()).toBe(true);
  const manifest = await res.json();
  expect(manifest).toMatchObject({
    name: "Atelier",
    start_url: "/projects",
    display: "standalone",
    theme_color: "#4f46e5",
  });
  expect(manifest.icons.map((i: { sizes: string; purpose: string }) => `${i.sizes} ${i.purpose}`)).toEqual([
    "192x192 any",
    "512x512 any",
    "512x512 maskable",
  ]);
  expect(manifest.shortcuts.map((s: { url: string }) => s.url)).toEqual(["/generate", "/projects"]);
  for (const icon of manifest.icons) {
    const img = await request.get(icon.src);
    expect(img.headers()["content-type"]).toBe("image/png");
  }
  await page.goto("/login");
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
});

test("the session cookie has the right flags, and the page runs under its CSP without violations", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  const foreign: string[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith("http://localhost:") && !r.url().startsWith("data:")) foreign.push(r.url());
  });
  await page.goto("/signup");
  await page.getByLabel("E-mail").fill(`csp-${Date.now()}@example.test`);
  await page.getByLabel("Password").fill("a sturdy passphrase");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/projects$/);
  const cookie = (await page.context().cookies()).find((c) => c.name === "atelier_session");
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/", secure: true });
  await page.goto("/analytics");
  await expect(page.getByTestId("total-spend")).toHaveText("$0.00");
  expect(violations).toEqual([]);
  // This server has no SENTRY_DSN: the error-reporting SDK never reached the browser, and nothing left for elsewhere.
  expect(await page.evaluate(() => "__SENTRY__" in window)).toBe(false);
  expect(foreign).toEqual([]);
});
