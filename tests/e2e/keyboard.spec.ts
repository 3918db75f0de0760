import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";

/** Tab until the focused element matches, failing after `max` presses. */
async function tabTo(
  page: import("@playwright/test").Page,
  matches: (el: { tag: string; text: string; label: string; href: string }) => boolean,
  max = 40,
) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      return {
        tag: a?.tagName ?? "",
        href: a?.getAttribute("href") ?? "",
        text: (a?.textContent ?? "").trim(),
        label: a?.getAttribute("aria-label") ?? (a as HTMLInputElement | null)?.labels?.[0]?.textContent ?? "",
      };
    });
    if (matches(el)) return;
  }
  throw new Error("never reached the control with the keyboard");
}

test("sign up, create a project and reach every section with the keyboard alone", async ({ page }) => {
  await page.goto("/signup");
  await expect(page.getByRole("heading", { name: "Create your account" })).toBeVisible();
  await tabTo(page, (e) => e.label.startsWith("E-mail"));
  await page.keyboard.type(`keys-${randomUUID()}@example.test`);
  await tabTo(page, (e) => e.label.startsWith("Password"));
  await page.keyboard.type("a sturdy passphrase");
  await tabTo(page, (e) => e.tag === "BUTTON" && e.text === "Create account");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/projects$/);

  await tabTo(page, (e) => e.tag === "A" && e.text === "New project");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/projects\/new$/);
  await tabTo(page, (e) => e.label.startsWith("Name"));
  await page.keyboard.type("Keyboard project");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Keyboard project" })).toBeVisible();

  for (const [section, href] of [
    ["Generate", "/generate"],
    ["Library", "/assets"],
    ["Analytics", "/analytics"],
    ["Settings", "/settings"],
  ]) {
    await tabTo(page, (e) => e.tag === "A" && e.href === href, 80);
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1 })).toContainText(String(section));
  }
  // The generation type is a radio group: arrow keys move between types.
  await page.goto("/generate");
  await tabTo(page, (e) => e.tag === "INPUT" && e.label.includes("Text"), 80);
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("button", { name: "Generate image" })).toBeVisible();
});
