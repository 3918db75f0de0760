import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";

test("sign up, create a project, see it after a reload, log out, and be sent to log in", async ({ page }) => {
  const email = `e2e-${randomUUID()}@example.test`;

  await page.goto("/projects");
  await expect(page).toHaveURL(/\/login\?next=%2Fprojects$/);
  await page.getByRole("link", { name: "Create an account" }).click();
  await expect(page).toHaveURL(/\/signup/);
  await expect(page.getByRole("heading", { name: "Create your account" })).toBeVisible();

  // Real validation messages, before anything is sent.
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter a valid e-mail address.")).toBeVisible();
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill("password123");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("This password is too common.")).toBeVisible();

  await page.getByLabel("Password").fill("a sturdy passphrase");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/projects$/);
  await expect(page.getByRole("heading", { name: "Projects" })).toBeVisible();
  await expect(page.getByText("No projects yet.")).toBeVisible();

  await page.getByRole("link", { name: "New project" }).click();
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByText("Give the project a name.")).toBeVisible();
  await page.getByLabel("Name").fill("Spring campaign");
  await page.getByLabel("Description").fill("Posters and a teaser");
  await page.getByLabel("Budget (USD)").fill("abc");
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByText("Enter an amount in dollars")).toBeVisible();
  await page.getByLabel("Budget (USD)").fill("25.50");
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByRole("heading", { name: "Spring campaign" })).toBeVisible();
  await expect(page.getByText("$0.00 spent of $25.50")).toBeVisible();
  await expect(page.getByRole("tab", { name: "Assets" })).toHaveAttribute("aria-selected", "true");

  await page.goto("/projects");
  const card = page.getByRole("link", { name: /Spring campaign/ });
  await expect(card).toBeVisible();
  await page.reload();
  await expect(card).toBeVisible();
  await expect(card).toContainText("$25.50");

  await page.getByRole("button", { name: "Log out" }).first().click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/projects");
  await expect(page).toHaveURL(/\/login\?next=%2Fprojects$/);
});

test("edit, archive and delete a project with confirmation", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("E-mail").fill(`e2e-${randomUUID()}@example.test`);
  await page.getByLabel("Password").fill("a sturdy passphrase");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/projects$/);

  await page.goto("/projects/new");
  await page.getByLabel("Name").fill("Draft");
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByRole("heading", { name: "Draft" })).toBeVisible();

  await page.getByRole("link", { name: "Edit" }).click();
  await page.getByLabel("Name").fill("Final cut");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { name: "Final cut" })).toBeVisible();

  await page.getByRole("button", { name: "Archive" }).click();
  await expect(page.getByText("· Archived")).toBeVisible();
  await page.goto("/projects");
  await expect(page.getByRole("link", { name: /Final cut/ })).toHaveCount(0);
  await page.goto("/projects?archived=true");
  await page.getByRole("link", { name: /Final cut/ }).click();
  await page.getByRole("button", { name: "Unarchive" }).click();
  await expect(page.getByText("· Archived")).toHaveCount(0);

  await page.getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByRole("dialog", { name: /Delete “Final cut”/ });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole("button", { name: "Delete" }).click();
  await dialog.getByRole("button", { name: "Delete project" }).click();
  await expect(page).toHaveURL(/\/projects$/);
  await expect(page.getByText("No projects yet.")).toBeVisible();
});

test("a signed-out visitor is returned to where they were going, and never to another site", async ({ page }) => {
  const email = `e2e-${randomUUID()}@example.test`;
  await page.goto("/settings/profile");
  await expect(page).toHaveURL(/\/login\?next=%2Fsettings%2Fprofile$/);
  await page.getByRole("link", { name: "Create an account" }).click();
  await expect(page.getByRole("heading", { name: "Create your account" })).toBeVisible();
  await expect(page).toHaveURL(/\/signup\?next=%2Fsettings%2Fprofile$/);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill("a sturdy passphrase");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/settings\/profile$/);
  await page.getByRole("button", { name: "Log out" }).first().click();
  await expect(page).toHaveURL(/\/login/);

  await page.goto("/login?next=//evil.example/x");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill("wrong password here");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByText("The e-mail or password is wrong.")).toBeVisible();
  await page.getByLabel("Password").fill("a sturdy passphrase");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/projects$/);
});
