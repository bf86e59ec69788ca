// Shared helpers: an axe audit that also works for the JavaScript-off project.
import { test as base, expect, type Page, type Browser } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import type { Result } from "axe-core";

export { expect };

/** What an audit may need besides the address: the signed-in person's cookies, and steps
 *  to reach a state of the page (e.g. post a form that is sent back with problems). */
export interface AuditOptions {
  /** Copy `page`'s cookies (session, language) into the audit context (JS-off project). */
  reuseCookies?: boolean;
  /** Run on the audited page after it loaded `path`, before axe runs. */
  prepare?: (audited: Page) => Promise<void>;
}

/** Runs axe on `path` and returns the violations. axe itself needs JavaScript, so for the
 *  no-JS project it audits the page in a JS-enabled context with our bundle blocked: the
 *  same HTML a person without JavaScript gets. */
export async function axeViolations(
  page: Page,
  browser: Browser,
  path: string,
  colorScheme: "light" | "dark" = "light",
  options: AuditOptions = {},
) {
  return (await axeViolationsInSchemes(page, browser, path, [colorScheme], options))[colorScheme];
}

/** Like `axeViolations`, but loads (and prepares) the page once and audits it in each colour
 *  scheme in turn: one list of violations per scheme. */
export async function axeViolationsInSchemes<S extends "light" | "dark">(
  page: Page,
  browser: Browser,
  path: string,
  colorSchemes: readonly S[],
  options: AuditOptions = {},
) {
  const results = {} as Record<S, Result[]>;
  const audit = async (audited: Page) => {
    for (const colorScheme of colorSchemes) {
      await audited.emulateMedia({ colorScheme });
      results[colorScheme] = (await new AxeBuilder({ page: audited }).analyze()).violations;
    }
  };
  if (base.info().project.use.javaScriptEnabled !== false) {
    await page.emulateMedia({ colorScheme: colorSchemes[0] });
    await page.goto(path);
    await options.prepare?.(page);
    await audit(page);
    return results;
  }
  const context = await browser.newContext({ javaScriptEnabled: true, colorScheme: colorSchemes[0] });
  if (options.reuseCookies) await context.addCookies(await page.context().cookies());
  const audited = await context.newPage();
  await audited.route("**/pkg/*.{js,wasm}", (route) => route.abort());
  await audited.goto(path);
  await options.prepare?.(audited);
  await audit(audited);
  await context.close();
  return results;
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
