// Shared fixtures and helpers: every test fails on a console error or page error (an automatic
// fixture), an axe audit that also works for the JavaScript-off project, and the steps a
// person takes (sign up, create an organisation, invite) with forms and links.
import {
  test as base,
  expect,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
  type Response,
  type TestInfo,
} from "@playwright/test";
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
  // This context blocks our bundle on purpose (the browser logs the aborted loads as
  // errors): its console is not watched.
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

/** Collects every console error and uncaught exception of every page of `context` into
 *  `errors`, each as `[label page-address] message`. */
export function watchConsole(context: BrowserContext, errors: string[], label = "") {
  const prefix = (page: Page | null) => `[${label ? `${label} ` : ""}${page?.url() ?? "?"}] `;
  context.on("console", (message) => {
    if (message.type() !== "error") return;
    // A failed load names the resource only in its location.
    const source = message.location().url;
    const at = source && source !== message.page()?.url() ? ` (${source})` : "";
    errors.push(prefix(message.page()) + message.text() + at);
  });
  context.on("weberror", (error) => errors.push(prefix(error.page()) + String(error.error())));
}

/** Waits until the page shown now has loaded and, with JavaScript on, hydrated: the wasm
 *  bundle fetched, the network quiet, and the main thread idle (the bundle ran). */
export async function settle(page: Page) {
  await page.waitForLoadState("load");
  if (base.info().project.use.javaScriptEnabled === false) return;
  await page.waitForFunction(() =>
    performance
      .getEntriesByType("resource")
      .some((entry) => /\/pkg\/quorate(-[0-9a-f]+)?_bg\.wasm$/.test(entry.name)),
  );
  await page.waitForLoadState("networkidle");
  await page.evaluate(
    () => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2000 })),
  );
}

/** Fails every test (automatically) on any console error or uncaught exception, CSP
 *  refusals and wasm panics included, in any page of the test's own browser context. Tests
 *  that open another context watch it with `watchConsole(context, consoleErrors)`. */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ context }, use) => {
      const errors: string[] = [];
      watchConsole(context, errors);
      await use(errors);
      expect(errors, "no console errors").toEqual([]);
    },
    { auto: true },
  ],
});

/** Chromium logs "Failed to load resource: ... status of 403" for a page answered with an
 *  error status: that is the browser reporting the status we asked for, not an app error. */
export function forgiveStatusMessages(consoleErrors: string[], status: number) {
  const expected = `Failed to load resource: the server responded with a status of ${status} `;
  for (let i = consoleErrors.length - 1; i >= 0; i--) {
    if (consoleErrors[i].replace(/^\[[^\]]*\] /, "").startsWith(expected)) {
      consoleErrors.splice(i, 1);
    }
  }
}

// People and organisations. The database is shared by every test of a run and by both
// projects: every e-mail address and web address is made unique.

export const PASSWORD = "correct horse battery staple 7";
let counter = 0;

/** A lowercase token unique to this run, project and call. */
export function unique(testInfo: TestInfo, label: string) {
  counter += 1;
  return `${label}-${testInfo.project.name}-${Date.now().toString(36)}${counter}`;
}

/** A short lowercase token unique to this run, project and call (for length-limited text). */
export function shortUnique(testInfo: TestInfo) {
  counter += 1;
  const project = testInfo.project.name === "js-off" ? "f" : "n";
  return `${project}${Date.now().toString(36)}${counter}`;
}

export interface Person {
  name: string;
  email: string;
}

export function person(testInfo: TestInfo, first: string): Person {
  const id = unique(testInfo, first.toLowerCase());
  return { name: `${first} ${id.split("-").slice(1).join(" ")}`, email: `${id}@example.org` };
}

export interface Organisation {
  name: string;
  slug: string;
  description?: string;
}

/** Clicks `button` (a form's submit) and returns the answer to the POST it sends, once the
 *  page shows what it leads to. Without JavaScript the browser posts; with it the form
 *  posts in place (`ActionForm`): a redirect then loads the page it names, and problems are
 *  swapped into the page. Either way a redirect ends in a page load of its target. */
export async function submit(page: Page, button: Locator): Promise<Response> {
  const main = page.mainFrame();
  const loaded = page
    .waitForResponse(
      (r) =>
        r.request().isNavigationRequest() &&
        r.request().method() === "GET" &&
        r.request().frame() === main,
    )
    .catch(() => null);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && r.request().frame() === main),
    button.click(),
  ]);
  if (response.status() >= 300 && response.status() < 400) {
    await loaded;
  }
  await page.waitForLoadState("load");
  // An answer swapped in place: wait until the form is no longer waiting for it.
  await expect(page.locator("form[data-busy]")).toHaveCount(0);
  return response;
}

/** Clicks `link` and returns the answer to the page load it starts (links load whole pages,
 *  also with JavaScript on), e.g. to check a refused page's status. */
export async function follow(page: Page, link: Locator): Promise<Response> {
  const [response] = await Promise.all([
    page.waitForResponse(
      (r) =>
        r.request().isNavigationRequest() &&
        r.request().method() === "GET" &&
        r.request().frame() === page.mainFrame(),
    ),
    link.click(),
  ]);
  await page.waitForLoadState("load");
  return response;
}

export async function fillSignUp(page: Page, who: Person, password: string) {
  await page.getByLabel("Display name").fill(who.name);
  await page.getByLabel("E-mail address").fill(who.email);
  await page.getByLabel("Password").fill(password);
}

/** Creates an account and is signed in. `how`: open the sign-up page by address, by the
 *  header's "Create an account" link from the page shown now, or it is shown already. */
export async function signUp(page: Page, who: Person, how: "goto" | "click" | "here" = "goto") {
  if (how === "goto") {
    await page.goto("/signup");
  } else if (how === "click") {
    await page.getByRole("banner").getByRole("link", { name: "Create an account" }).click();
    await expect(page).toHaveURL(/\/signup$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Create an account");
  }
  await fillSignUp(page, who, PASSWORD);
  const response = await submit(page, page.getByRole("button", { name: "Create account" }));
  expect(response.status(), "a successful sign-up redirects").toBe(303);
}

export async function expectSignedInAs(page: Page, name: string) {
  const header = page.getByRole("banner");
  await expect(header.getByRole("link", { name, exact: true })).toHaveAttribute("href", "/account");
  await expect(header.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(header.getByRole("link", { name: "Sign in", exact: true })).toHaveCount(0);
}

/** Fills the organisation form (create or settings) shown now. */
export async function fillOrganisation(page: Page, org: Organisation) {
  await page.getByLabel("Name", { exact: true }).fill(org.name);
  await page.getByLabel("Web address").fill(org.slug);
  const timeZone = page.getByLabel("Time zone");
  if ((await timeZone.evaluate((el) => el.tagName)) === "SELECT") {
    await timeZone.selectOption("Europe/Madrid");
  } else {
    await timeZone.fill("Europe/Madrid");
  }
  await page.getByLabel("Default language").selectOption({ label: "English" });
  await page.getByLabel("Description").fill(org.description ?? "Our bakery co-op decides here.");
}

/** Creates an organisation and lands on its dashboard. `how`: open the form by address, or
 *  by the home page's "Create an organisation" link (going home by the brand link first). */
export async function createOrganisation(
  page: Page,
  org: Organisation,
  how: "goto" | "click" = "goto",
) {
  if (how === "goto") {
    await page.goto("/orgs/new");
  } else {
    if (new URL(page.url()).pathname !== "/") await clickBrand(page);
    await page.getByRole("main").getByRole("link", { name: "Create an organisation" }).click();
    await expect(page).toHaveURL(/\/orgs\/new$/);
  }
  await fillOrganisation(page, org);
  const response = await submit(page, page.getByRole("button", { name: "Create organisation" }));
  expect(response.status(), "a successful creation redirects").toBe(303);
  await expect(page).toHaveURL(new RegExp(`/o/${org.slug}$`));
}

/** Goes home by the header's product name. */
export async function clickBrand(page: Page) {
  await page.getByRole("banner").getByRole("link", { name: /^Quorate/ }).click();
  await expect(page).toHaveURL(/\/$/);
}

/** Opens an organisation's dashboard by links: its breadcrumb where the page has one, else
 *  home (the brand) and the organisation in "Your organisations". */
export async function openDashboard(page: Page, org: Organisation) {
  if (new URL(page.url()).pathname === `/o/${org.slug}`) return;
  const breadcrumb = page
    .getByRole("navigation", { name: "Breadcrumbs" })
    .locator(`a[href="/o/${org.slug}"]`);
  if ((await breadcrumb.count()) > 0) {
    await breadcrumb.click();
  } else {
    if (new URL(page.url()).pathname !== "/") await clickBrand(page);
    await page.getByRole("main").locator(`a[href="/o/${org.slug}"]`).click();
  }
  await expect(page).toHaveURL(new RegExp(`/o/${org.slug}$`));
}

/** Opens one of an organisation's pages by the dashboard's links ("Members", "Groups",
 *  "Invitations", "Settings"), from any page. */
export async function openOrgPage(page: Page, org: Organisation, link: string) {
  await openDashboard(page, org);
  await page.getByRole("main").getByRole("link", { name: link, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${org.slug}/${link.toLowerCase()}$`));
}

/** Creates an invitation link for `role` on the invitations page and returns it (and the
 *  POST's status). `how`: open the page by address, or by links from the page shown now. */
export async function createInvitation(
  page: Page,
  slug: string,
  role: string,
  options: { how?: "goto" | "click"; email?: string } = {},
) {
  if ((options.how ?? "goto") === "goto") {
    await page.goto(`/o/${slug}/invitations`);
  } else if (new URL(page.url()).pathname !== `/o/${slug}/invitations`) {
    await openOrgPage(page, { name: "", slug }, "Invitations");
  }
  await expect(page.getByLabel("Expires after (days)")).toHaveValue("14");
  await expect(page.getByLabel("How many people may use it")).toHaveValue("1");
  if (options.email) await page.getByLabel("E-mail address (optional)").fill(options.email);
  await page.getByLabel("Role").selectOption({ label: role });
  const response = await submit(page, page.getByRole("button", { name: "Create invitation link" }));
  const status = page.getByRole("status");
  await expect(status).toContainText("The invitation link is ready");
  const link = await status.getByLabel("Invitation link").inputValue();
  return { link, status: response.status() };
}

/** A second person's browser, with the same JavaScript setting as this project; its console
 *  errors are collected with the first page's. */
export async function secondBrowser(browser: Browser, testInfo: TestInfo, consoleErrors: string[]) {
  const context = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    javaScriptEnabled: testInfo.project.use.javaScriptEnabled,
  });
  watchConsole(context, consoleErrors, "second browser,");
  const page = await context.newPage();
  return { context, page };
}

/** Someone opens an invitation link in a browser of their own, creates an account there
 *  and joins; returns that browser. */
export async function joinInASecondBrowser(
  browser: Browser,
  testInfo: TestInfo,
  consoleErrors: string[],
  link: string,
  who: Person,
) {
  const second = await secondBrowser(browser, testInfo, consoleErrors);
  const other = second.page;
  await other.goto(link);
  await other.getByRole("main").getByRole("link", { name: "Create an account" }).click();
  await fillSignUp(other, who, PASSWORD);
  await submit(other, other.getByRole("button", { name: "Create account" }));
  await submit(other, other.getByRole("button", { name: /Accept|Join/ }));
  return second;
}
