import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, type TestInfo } from "@playwright/test";

/** axe-core on the page as it stands: no serious or critical violation. Also saves a full-page screenshot. */
export async function checkPage(page: Page, testInfo: TestInfo, name: string) {
  await page.waitForLoadState("networkidle").catch(() => undefined);
  await page.waitForFunction(() => document.title.length > 0, undefined, { timeout: 5000 }).catch(() => undefined);
  const size = page.viewportSize();
  await page.screenshot({
    path: testInfo.outputPath(`screens/${size?.width}x${size?.height}-${name}.png`),
    fullPage: true,
  });
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    bad.map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")})`,
    ),
    `accessibility of ${name}`,
  ).toEqual([]);
}
