import { expect, type Page, test } from "@playwright/test";
import { E2E_KEYS } from "./e2e-env";
import { signUp } from "./helpers";

/** Every <img> matching the locator has decoded pixels (an image that failed to load has naturalWidth 0). */
async function expectImagesRendered(page: Page, selector: string, count: number) {
  await expect(page.locator(selector)).toHaveCount(count);
  await expect
    .poll(() =>
      page.$$eval(
        selector,
        (imgs) => (imgs as HTMLImageElement[]).filter((i) => i.complete && i.naturalWidth > 0).length,
      ),
    )
    .toBe(count);
}

/** Whether the service worker's caches hold an answer for this URL (what a reload offline will get). */
const cached = (page: Page, url: string) => page.evaluate(async (u) => !!(await caches.match(u)), url);

test("the library and the assets opened online stay browsable offline; the rest says it is offline", async ({
  page,
  context,
  baseURL,
}) => {
  test.setTimeout(120_000);
  await signUp(page);
  // The service worker registers on the first page and takes control once the app shell is precached.
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? null), { timeout: 60_000 })
    .toBe("activated");

  // Two images, made through the API with this browser's session.
  const headers = { Origin: baseURL as string };
  const key = await page.request.post("/api/api-keys", {
    headers,
    data: { provider: "openai", name: "Main", key: E2E_KEYS.openai },
  });
  expect(key.status()).toBe(201);
  const project = await page.request.post("/api/projects", { headers, data: { name: "Offline", budgetCents: null } });
  expect(project.status()).toBe(201);
  const projectId = (await project.json()).data.id as string;
  const prompts = ["A lighthouse at dusk", "A fox in the snow"];
  const assetIds: string[] = [];
  for (const prompt of prompts) {
    const res = await page.request.post("/api/generate?stream=false", {
      headers,
      data: { type: "image", projectId, prompt, provider: "openai", model: "gpt-image-1", quality: "low", count: 1 },
    });
    expect(res.status()).toBe(200);
    assetIds.push(...((await res.json()).data.assetIds as string[]));
  }

  // Online: the library, then each asset opened from it (client-side navigations), then the generate page.
  await page.goto("/assets");
  await expect(page.getByTestId("asset-card")).toHaveCount(2);
  await expectImagesRendered(page, "[data-testid=asset-card] img", 2);
  for (const prompt of prompts) {
    await page.getByTestId("asset-card").filter({ hasText: prompt }).getByRole("link").click();
    await expect(page.getByRole("heading", { name: prompt })).toBeVisible();
    await expectImagesRendered(page, "main img", 1);
    const detailUrl = new URL(page.url()).pathname;
    // The page asks the service worker to keep the HTML of pages reached by client-side navigation.
    await expect.poll(() => cached(page, detailUrl)).toBe(true);
    await page.getByRole("link", { name: "Library" }).first().click();
    await expect(page.getByTestId("asset-card")).toHaveCount(2);
  }
  await page.goto("/generate");
  await expect(page.getByLabel("Provider and model")).toContainText("GPT-4o");
  // The copy is written once the whole page has arrived (in the background, like any visit).
  await expect.poll(() => cached(page, "/generate")).toBe(true);
  await page.goto("/assets");
  await expect(page.getByTestId("asset-card")).toHaveCount(2);
  await expect.poll(() => cached(page, "/assets")).toBe(true);
  for (const id of assetIds) expect(await cached(page, `/api/assets/${id}/file?variant=thumbnail`)).toBe(true);

  // Offline.
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId("offline-indicator")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Library" })).toBeVisible();
  await expect(page.getByTestId("asset-card")).toHaveCount(2);
  for (const prompt of prompts) await expect(page.getByTestId("asset-card").filter({ hasText: prompt })).toHaveCount(1);
  await expectImagesRendered(page, "[data-testid=asset-card] img", 2);

  // An asset opened before: its page and its full-size image come from the cache.
  await page.goto(`/assets/${assetIds[0]}`);
  await expect(page.getByRole("heading", { name: prompts[0] })).toBeVisible();
  await expectImagesRendered(page, "main img", 1);

  // A page never opened on this device: the offline page, not the browser's error.
  await page.goto("/analytics");
  await expect(page.getByRole("heading", { name: "You're offline" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Open the library" })).toBeVisible();

  // A generation needs the network: it says so, sends nothing, and keeps the prompt.
  await page.goto("/generate");
  await expect(page.getByTestId("offline-indicator")).toBeVisible();
  await page.getByText("Image", { exact: true }).click();
  await page.getByLabel("Prompt").fill("A harbour at night");
  await page.getByRole("button", { name: "Generate image" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "You're offline" })).toContainText(
    "Generating needs a connection",
  );
  await expect(page.getByLabel("Prompt")).toHaveValue("A harbour at night");

  // Back online: the generation was never sent (still two assets), and the app works again.
  await context.setOffline(false);
  await page.goto("/assets");
  await expect(page.getByTestId("offline-indicator")).toHaveCount(0);
  await expect(page.getByTestId("asset-card")).toHaveCount(2);

  // A deleted asset leaves the device's offline copy too: its file, thumbnail and page.
  const [gone, kept] = assetIds as [string, string];
  await page.goto(`/assets/${gone}`);
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Delete" }).click();
  await expect(page).toHaveURL(/\/assets$/);
  await expect(page.getByTestId("asset-card")).toHaveCount(1);
  for (const url of [`/api/assets/${gone}/file`, `/api/assets/${gone}/file?variant=thumbnail`, `/assets/${gone}`]) {
    expect(await cached(page, url), url).toBe(false);
  }
  expect(await cached(page, `/api/assets/${kept}/file?variant=thumbnail`)).toBe(true);
});

test("signing out empties what the device kept for offline use", async ({ page }) => {
  await signUp(page);
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? null), { timeout: 60_000 })
    .toBe("activated");
  await page.goto("/assets");
  await expect(page.getByText(/No assets|nothing here/i).first()).toBeVisible();
  await expect.poll(() => cached(page, "/assets")).toBe(true);
  await page.getByRole("button", { name: "Log out" }).first().click();
  await expect(page).toHaveURL(/\/login/);
  expect(await cached(page, "/assets")).toBe(false);
  // Nothing of the user's is left in any cache (the shell's precache holds no user data).
  const kept = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      if (!name.startsWith("atelier-")) continue;
      for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
    }
    return urls;
  });
  expect(kept).toEqual([]);
});

test("a new version of the app is announced, and applied when the user reloads", async ({ page }) => {
  await signUp(page);
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? null), { timeout: 60_000 })
    .toBe("activated");
  await expect(page.getByTestId("update-banner")).toHaveCount(0);

  // A deployment: the server now offers another service worker script for the same scope. (The browser fetches
  // worker scripts itself, out of the test's reach, so the new version is a new script URL rather than new bytes.)
  await page.evaluate(() =>
    navigator.serviceWorker.register("/serwist/sw.js?next-version", { scope: "/", type: "module" }),
  );

  // Announced, not forced: the new version waits while the page keeps working.
  const banner = page.getByTestId("update-banner");
  await expect(banner).toContainText("A new version of Atelier is ready.");
  expect(await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting)).toBe(true);

  await page.evaluate(() => {
    (window as unknown as { beforeUpdate: boolean }).beforeUpdate = true;
  });
  await Promise.all([page.waitForEvent("load"), banner.getByRole("button", { name: "Reload to update" }).click()]);
  // The page reloaded (the marker is gone) under the new version.
  expect(await page.evaluate(() => (window as unknown as { beforeUpdate?: boolean }).beforeUpdate ?? false)).toBe(
    false,
  );
  // …and the new version is the one in control.
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? ""))
    .toContain("next-version");
});
