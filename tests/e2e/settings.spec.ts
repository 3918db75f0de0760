import { expect, test } from "@playwright/test";
import { E2E_KEYS } from "./e2e-env";
import { signUp } from "./helpers";

test("add a key and see only its masked hint; reorder providers and keep the order; delete the key", async ({
  page,
}) => {
  await signUp(page);
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/settings\/api-keys$/);

  // A key the provider refuses is explained, and can be stored anyway.
  await page.getByLabel("Provider").selectOption("openai");
  await page.getByLabel("Name").fill("Old key");
  await page.getByLabel("API key").fill("sk-proj-this-key-is-not-valid-0000");
  await page.getByRole("button", { name: "Check and save key" }).click();
  await expect(page.getByText("The provider did not accept this key: OpenAI refused the API key.")).toBeVisible();
  await page.getByRole("button", { name: "Save it anyway (marked failing)" }).click();
  const oldRow = page.getByTestId("api-key-row").filter({ hasText: "Old key" });
  await expect(oldRow).toContainText("Failing");

  await page.getByLabel("Name").fill("Personal");
  await page.getByLabel("API key").fill(E2E_KEYS.openai);
  await page.getByRole("button", { name: "Check and save key" }).click();
  await expect(page.getByText("Key saved and working.")).toBeVisible();
  const row = page.getByTestId("api-key-row").filter({ hasText: "Personal" });
  await expect(row).toContainText(`…${E2E_KEYS.openai.slice(-4)}`);
  await expect(row).toContainText("Working");
  // The page never holds the key itself, not even in the (now cleared) form.
  expect(await page.content()).not.toContain(E2E_KEYS.openai.slice(0, -4));
  await expect(page.getByLabel("API key")).toHaveValue("");

  await row.getByRole("button", { name: "Test Personal again" }).click();
  await expect(page.getByRole("status")).toContainText("Key works");

  // Reorder: move Anthropic to the top, save, reload, and the order holds.
  await page.getByRole("link", { name: "Providers" }).click();
  await expect(page).toHaveURL(/\/settings\/providers$/);
  const names = () => page.getByTestId("provider-row").locator("h2").allTextContents();
  expect((await names())[0]).toBe("OpenAI");
  await page.getByRole("button", { name: "Move Anthropic up" }).click();
  await page.getByLabel("Default text model").nth(0).fill("claude-sonnet-4-5");
  await page.getByRole("button", { name: "Save providers" }).click();
  await expect(page.getByText("Provider settings saved.")).toBeVisible();
  await page.reload();
  expect((await names()).slice(0, 2)).toEqual(["Anthropic", "OpenAI"]);
  await expect(page.getByLabel("Default text model").nth(0)).toHaveValue("claude-sonnet-4-5");
  await expect(page.getByTestId("provider-row").filter({ hasText: "OpenAI" }).first()).toContainText("Working");

  // Delete the key.
  await page.getByRole("link", { name: "API keys" }).click();
  page.once("dialog", (dialog) => dialog.accept());
  await page
    .getByTestId("api-key-row")
    .filter({ hasText: "Personal" })
    .getByRole("button", { name: "Delete Personal" })
    .click();
  await expect(page.getByText("Key deleted.")).toBeVisible();
  await expect(page.getByTestId("api-key-row").filter({ hasText: "Personal" })).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId("api-key-row")).toHaveCount(1);
});

test("budgets and profile settings are saved", async ({ page }) => {
  await signUp(page);
  await page.goto("/projects/new");
  await page.getByLabel("Name").fill("Budgeted");
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByRole("heading", { name: "Budgeted" })).toBeVisible();

  await page.goto("/settings/budgets");
  await page.getByLabel("Budget (USD)").fill("12.34");
  await page.getByLabel("Alerts at (%)").fill("25, 75, 100");
  await page.getByRole("button", { name: "Save budget for Budgeted" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Budget (USD)")).toHaveValue("12.34");
  await expect(page.getByLabel("Alerts at (%)")).toHaveValue("25, 75, 100");

  await page.goto("/settings/profile");
  await page.getByLabel("Name").fill("Ada Lovelace");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Profile saved.")).toBeVisible();
  await page.getByLabel("Current password").fill("wrong password!!");
  await page.getByLabel("New password").fill("another sturdy passphrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Your current password is wrong.")).toBeVisible();
  await page.getByLabel("Current password").fill("a sturdy passphrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Password changed.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Name")).toHaveValue("Ada Lovelace");
});
