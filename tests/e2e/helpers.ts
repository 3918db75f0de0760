import { randomUUID } from "node:crypto";
import { expect, type Page } from "@playwright/test";

/** Signs up a fresh user through the UI and lands on /projects. */
export async function signUp(page: Page, email = `e2e-${randomUUID()}@example.test`): Promise<string> {
  await page.goto("/signup");
  await expect(page.getByRole("heading", { name: "Create your account" })).toBeVisible();
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill("a sturdy passphrase");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/projects$/);
  return email;
}
