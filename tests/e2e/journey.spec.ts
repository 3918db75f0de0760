import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { checkPage } from "./a11y";
import { E2E_KEYS } from "./e2e-env";

const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1440, height: 900 },
];

for (const viewport of VIEWPORTS) {
  test(`the creator's journey at ${viewport.width}×${viewport.height}`, async ({ page, browser }, testInfo) => {
    test.setTimeout(180_000);
    await page.setViewportSize(viewport);
    const email = `journey-${randomUUID()}@example.test`;

    await page.goto("/login");
    await checkPage(page, testInfo, "login");
    await page.goto("/signup");
    await checkPage(page, testInfo, "signup");
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Password").fill("a sturdy passphrase");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL(/\/projects$/);

    // Keys for OpenAI and Anthropic, checked against the loopback providers.
    await page.goto("/settings/api-keys");
    for (const [provider, key] of [
      ["openai", E2E_KEYS.openai],
      ["anthropic", E2E_KEYS.anthropic],
    ] as const) {
      await page.getByLabel("Provider").selectOption(provider);
      await page.getByLabel("Name").fill(`My ${provider} key`);
      await page.getByLabel("API key").fill(key);
      await page.getByRole("button", { name: "Check and save key" }).click();
      await expect(page.getByTestId("api-key-row").filter({ hasText: `My ${provider} key` })).toContainText("Working");
    }
    await checkPage(page, testInfo, "settings-api-keys");
    await page.goto("/settings/providers");
    await checkPage(page, testInfo, "settings-providers");

    // A project with a $1 budget.
    await page.goto("/projects/new");
    await page.getByLabel("Name").fill("Launch");
    await page.getByLabel("Budget (USD)").fill("1");
    await page.getByRole("button", { name: "Create project" }).click();
    await expect(page.getByRole("heading", { name: "Launch" })).toBeVisible();
    const projectUrl = page.url().split("?")[0] as string;

    // Text streams into view: the first words are on screen before the response has ended.
    await page.goto(`${projectUrl}?tab=generate`);
    await page.getByLabel("Provider and model").selectOption({ label: "OpenAI — GPT-4o" });
    await page.getByLabel("Prompt").fill("Write a line about the sea");
    await expect(page.getByTestId("estimate")).toContainText("≈ $");
    await checkPage(page, testInfo, "generate");
    await page.getByRole("button", { name: "Generate text" }).click();
    const output = page.getByTestId("text-output");
    await expect(output).toContainText("Silver");
    expect(await output.textContent()).not.toContain("patient moon.");
    await expect(output).toHaveText("Silver waves whisper under a patient moon.");
    await expect(page.getByText("Generated for $0.000515.")).toBeVisible();

    // An image.
    await page.getByText("Image", { exact: true }).click();
    await page.getByLabel("Provider and model").selectOption({ label: "OpenAI — GPT Image 1" });
    await page.getByLabel("Quality").selectOption("low");
    await page.getByLabel("Prompt").fill("A lighthouse at dusk");
    await page.getByRole("button", { name: "Generate image" }).click();
    await expect(page.getByRole("img", { name: "Generated" })).toBeVisible();

    // The library: the image is there; tag it, favourite it, and the filters find it.
    await page.goto(`${projectUrl}?tab=assets`);
    await expect(page.getByTestId("asset-card")).toHaveCount(2);
    await checkPage(page, testInfo, "project-assets");
    await page.getByTestId("asset-card").filter({ hasText: "A lighthouse at dusk" }).getByRole("link").click();
    await expect(page.getByRole("heading", { name: "A lighthouse at dusk" })).toBeVisible();
    await page.getByLabel("Tags (comma-separated)").fill("hero, coast");
    await page.getByRole("button", { name: "Save tags" }).click();
    await expect(page.getByText("Tags saved.")).toBeVisible();
    await page.getByRole("button", { name: "☆ Favourite" }).click();
    await expect(page.getByRole("button", { name: "★ Favourite" })).toBeVisible();
    await checkPage(page, testInfo, "asset-detail");
    await page.goto("/assets");
    await page.getByLabel("Tag").fill("hero");
    await expect(page.getByTestId("asset-card")).toHaveCount(1);
    await page.getByLabel("Tag").fill("");
    await page.getByLabel("Favourites").check();
    await expect(page.getByTestId("asset-card")).toHaveCount(1);
    await expect(page.getByTestId("asset-card")).toContainText("★");
    await checkPage(page, testInfo, "library");

    // Analytics: the total is exactly the two generations' costs ($0.000515 + $0.0112).
    await page.goto("/analytics");
    await expect(page.getByTestId("total-spend")).toHaveText("$0.011715");
    await checkPage(page, testInfo, "analytics");

    // A generation that crosses 50 % of the budget raises a visible alert.
    await page.goto("/generate");
    await page.getByText("Image", { exact: true }).click();
    await page.getByLabel("Provider and model").selectOption({ label: "OpenAI — GPT Image 1" });
    await page.getByLabel("Size").selectOption("1536x1024");
    await page.getByLabel("Quality").selectOption("high");
    await page.getByLabel("Images").fill("2");
    await page.getByLabel("Prompt").fill("Two wide posters");
    await expect(page.getByTestId("estimate")).toContainText(/≈ \$0\.500/);
    await page.getByRole("button", { name: "Generate image" }).click();
    await expect(page.getByRole("img", { name: "Generated" })).toHaveCount(2);
    await page.goto("/analytics");
    await expect(page.getByTestId("alerts")).toContainText("Launch: 50% of its $1.00 budget reached");
    await page.getByRole("button", { name: "Acknowledge" }).click();
    await expect(page.getByTestId("alerts")).toContainText("acknowledged");

    await page.goto("/projects");
    await checkPage(page, testInfo, "projects");
    await page.goto("/settings/budgets");
    await checkPage(page, testInfo, "settings-budgets");
    await page.goto("/settings/profile");
    await checkPage(page, testInfo, "settings-profile");

    // A second user sees none of it.
    const other = await browser.newContext({ viewport });
    const page2 = await other.newPage();
    await page2.goto("/signup");
    await page2.getByLabel("E-mail").fill(`other-${randomUUID()}@example.test`);
    await page2.getByLabel("Password").fill("a sturdy passphrase");
    await page2.getByRole("button", { name: "Create account" }).click();
    await expect(page2).toHaveURL(/\/projects$/);
    await expect(page2.getByText("No projects yet.")).toBeVisible();
    await page2.goto("/assets");
    await expect(page2.getByText("No assets yet")).toBeVisible();
    await page2.goto("/analytics");
    await expect(page2.getByTestId("total-spend")).toHaveText("$0.00");
    await expect(page2.getByText("No alerts.")).toBeVisible();
    await page2.goto(projectUrl);
    await expect(page2.getByRole("heading", { name: "Not found" })).toBeVisible();
    await other.close();
  });
}
