// Shared helpers: an axe audit that also works for the JavaScript-off project.
import { test as base, expect, type Page, type Browser } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

export { expect };

/** Runs axe on `path` and returns the violations. axe itself needs JavaScript, so for the
 *  no-JS project it audits the page in a JS-enabled context with our bundle blocked: the
 *  same HTML a person without JavaScript gets. */
export async function axeViolations(
  page: Page,
  browser: Browser,
  path: string,
  colorScheme: "light" | "dark" = "light",
) {
  if (base.info().project.use.javaScriptEnabled !== false) {
    await page.emulateMedia({ colorScheme });
    await page.goto(path);
    return (await new AxeBuilder({ page }).analyze()).violations;
  }
  const context = await browser.newContext({ javaScriptEnabled: true, colorScheme });
  const audited = await context.newPage();
  await audited.route("**/pkg/*.{js,wasm}", (route) => route.abort());
  await audited.goto(path);
  const { violations } = await new AxeBuilder({ page: audited }).analyze();
  await context.close();
  return violations;
}

/** Fails the test on any console error or uncaught exception (CSP refusals included). */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    page.on("pageerror", (error) => errors.push(error.message));
    await use(errors);
    expect(errors, "no console errors").toEqual([]);
  },
});
