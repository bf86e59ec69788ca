// Identity: accounts, sessions, organisations, invitations and members, as a person uses them
// (plain forms that post and redirect, the same with JavaScript on and off).
// The database is shared by every test of a run and by both projects: every e-mail address
// and web address below is made unique.
import {
  test,
  expect,
  axeViolationsInSchemes,
  clickBrand,
  createInvitation,
  createOrganisation,
  expectSignedInAs,
  fillSignUp,
  follow,
  forgiveStatusMessages,
  openOrgPage,
  PASSWORD,
  person,
  secondBrowser,
  signUp,
  submit,
  unique,
  watchConsole,
} from "./fixtures";
import type { BrowserContext, Cookie, Page } from "@playwright/test";

function memberRow(page: Page, name: string) {
  return page
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name, exact: true }) });
}

// Columns of the admin's member table, after the name: e-mail, role, status, actions.
const ROLE_CELL = 1;
const STATUS_CELL = 2;

function yourRole(page: Page) {
  return page.locator("dt", { hasText: "Your role" }).locator("xpath=following-sibling::dd[1]");
}

test("sign-up with a weak password says the rule and keeps the name and e-mail", async ({
  page,
  consoleErrors,
}, testInfo) => {
  const who = person(testInfo, "Carmen");
  await page.goto("/signup");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Create an account");
  await expect(page.getByText("At least 10 characters; not a common password")).toBeVisible();

  await fillSignUp(page, who, "short");
  const refused = await submit(page, page.getByRole("button", { name: "Create account" }));
  expect(refused.status()).toBe(422);
  forgiveStatusMessages(consoleErrors, 422);

  const summary = page.getByRole("alert");
  await expect(summary).toContainText("Please correct the following");
  const rule = "The password must have at least 10 characters (it has 5).";
  await expect(summary.locator(`[data-problem="password_too_short"]`)).toHaveCount(1);
  await expect(summary.getByRole("link", { name: rule })).toHaveAttribute("href", "#signup-password");
  const password = page.getByLabel("Password");
  await expect(password).toHaveAttribute("aria-invalid", "true");
  await expect(password).toHaveAccessibleDescription(new RegExp(rule.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
  // Without JavaScript passwords are never sent back; with it the form was posted in place
  // and keeps what was typed.
  const jsOn = testInfo.project.use.javaScriptEnabled !== false;
  await expect(password).toHaveValue(jsOn ? "short" : "");
  await expect(page.getByLabel("Display name")).toHaveValue(who.name);
  await expect(page.getByLabel("E-mail address")).toHaveValue(who.email);

  // A common password is refused for what it is, too.
  await password.fill("password123");
  await submit(page, page.getByRole("button", { name: "Create account" }));
  forgiveStatusMessages(consoleErrors, 422);
  await expect(page.getByRole("alert")).toContainText("one of the most common ones");

  await page.getByLabel("Password").fill(PASSWORD);
  const accepted = await submit(page, page.getByRole("button", { name: "Create account" }));
  expect(accepted.status()).toBe(303);
  await expect(page).toHaveURL(/\/$/);
  await expectSignedInAs(page, who.name);
});

test("a co-op: create it, invite a member, change their role, suspend and reinstate them", async ({
  page,
  browser,
  consoleErrors,
}, testInfo) => {
  test.setTimeout(60_000);
  const ada = person(testInfo, "Ada");
  const bea = person(testInfo, "Bea");
  const org = { name: `Bakery ${unique(testInfo, "co-op")}`, slug: unique(testInfo, "bakery") };

  // Ada creates the organisation and is its administrator.
  await signUp(page, ada);
  await expectSignedInAs(page, ada.name);
  await createOrganisation(page, org, "click");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(org.name);
  await expect(yourRole(page)).toHaveText("Administrator");
  const main = page.getByRole("main");
  for (const link of ["Members", "Invitations", "Settings"]) {
    await expect(main.getByRole("link", { name: link, exact: true })).toBeVisible();
  }

  // Ada creates an invitation for a Member.
  const invitation = await createInvitation(page, org.slug, "Member", { how: "click" });
  expect(invitation.status).toBe(201);
  expect(invitation.link).toMatch(
    new RegExp(`^${testInfo.project.use.baseURL}/invite/[A-Za-z0-9_-]{16,}$`),
  );
  await expect(page.getByRole("table").getByRole("row").nth(1)).toContainText("Member");

  // Bea, in her own browser, opens the link: it says what it offers and asks her to sign up.
  const second = await secondBrowser(browser, testInfo, consoleErrors);
  const beaPage = second.page;
  await beaPage.goto(invitation.link);
  await expect(beaPage.getByRole("main")).toContainText(
    `You are invited to join ${org.name} as Member.`,
  );
  await expect(beaPage.getByRole("button", { name: "Accept the invitation" })).toHaveCount(0);
  await beaPage.getByRole("main").getByRole("link", { name: "Create an account" }).click();
  await expect(beaPage).toHaveURL(/\/signup\?next=\/invite\//);
  await fillSignUp(beaPage, bea, PASSWORD);
  await submit(beaPage, beaPage.getByRole("button", { name: "Create account" }));
  await expectSignedInAs(beaPage, bea.name);
  // The sign-up form kept `next`: Bea is back on the invitation.
  await expect(beaPage).toHaveURL(invitation.link);
  await expect(beaPage.getByRole("main")).toContainText(`join ${org.name} as Member`);
  await submit(beaPage, beaPage.getByRole("button", { name: "Accept the invitation" }));
  await expect(beaPage).toHaveURL(new RegExp(`/o/${org.slug}$`));
  await expect(beaPage.getByRole("heading", { level: 1 })).toHaveText(org.name);
  await expect(yourRole(beaPage)).toHaveText("Member");
  // A member does not get the administrator's links.
  await expect(beaPage.getByRole("main").getByRole("link", { name: "Settings" })).toHaveCount(0);

  // Ada sees Bea on the members page, and makes her a facilitator.
  await openOrgPage(page, org, "Members");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Members");
  const row = memberRow(page, bea.name);
  await expect(row.getByRole("cell").nth(0)).toHaveText(bea.email);
  await expect(row.getByRole("cell").nth(ROLE_CELL)).toHaveText("Member");
  await expect(row.getByRole("cell").nth(STATUS_CELL)).toHaveText("Active");
  await expect(memberRow(page, ada.name).getByRole("cell").nth(ROLE_CELL)).toHaveText(
    "Administrator",
  );

  await row.getByLabel(`Role ${bea.name}`).selectOption({ label: "Facilitator" });
  await submit(page, row.getByRole("button", { name: "Change role" }));
  await expect(page).toHaveURL(new RegExp(`/o/${org.slug}/members$`));
  await expect(row.getByRole("cell").nth(ROLE_CELL)).toHaveText("Facilitator");
  await expect(row.getByLabel(`Role ${bea.name}`)).toHaveValue("facilitator");

  // Ada suspends Bea: Bea may no longer open the organisation.
  await submit(page, row.getByRole("button", { name: "Suspend" }));
  await expect(page).toHaveURL(new RegExp(`/o/${org.slug}/members$`));
  await expect(row.getByRole("cell").nth(STATUS_CELL)).toHaveText("Suspended");
  await expect(row.getByRole("button", { name: "Change role" })).toHaveCount(0);

  // Bea goes home: her organisation is listed as suspended, and opening it is refused with a
  // page that says why and leads home.
  await clickBrand(beaPage);
  const beaOrgs = beaPage.getByRole("main").getByRole("listitem").filter({
    has: beaPage.getByRole("link", { name: org.name, exact: true }),
  });
  await expect(beaOrgs).toContainText("(Suspended)");
  const refused = await follow(beaPage, beaOrgs.getByRole("link", { name: org.name, exact: true }));
  expect(refused.status()).toBe(403);
  forgiveStatusMessages(consoleErrors, 403);
  await expect(beaPage).toHaveURL(new RegExp(`/o/${org.slug}$`));
  await expect(beaPage).toHaveTitle("Not allowed · Quorate");
  await expect(beaPage.getByRole("heading", { level: 1 })).toHaveText("Not allowed");
  await expect(beaPage.getByRole("main")).toContainText(
    "Your membership of this organisation is suspended. An administrator of the organisation can reinstate you.",
  );
  await expect(beaPage.getByRole("main")).not.toContainText(org.name);

  // Ada reinstates her; Bea is back, still a facilitator.
  await submit(page, row.getByRole("button", { name: "Reinstate" }));
  await expect(row.getByRole("cell").nth(STATUS_CELL)).toHaveText("Active");
  await expect(row.getByRole("cell").nth(ROLE_CELL)).toHaveText("Facilitator");
  await beaPage.getByRole("main").getByRole("link", { name: "Go to the home page" }).click();
  await expect(beaPage).toHaveURL(/\/$/);
  await expect(beaOrgs).not.toContainText("Suspended");
  const back = await follow(beaPage, beaOrgs.getByRole("link", { name: org.name, exact: true }));
  expect(back.status()).toBe(200);
  await expect(beaPage.getByRole("heading", { level: 1 })).toHaveText(org.name);
  await expect(yourRole(beaPage)).toHaveText("Facilitator");

  await second.context.close();
});

test("signing up from an invitation link brings you back to the invitation", async ({
  page,
  browser,
  consoleErrors,
}, testInfo) => {
  // The invitation page's sign-up link carries `next`, and the sign-up form keeps it.
  const ada = person(testInfo, "Ada");
  const org = { name: `Dairy ${unique(testInfo, "co-op")}`, slug: unique(testInfo, "dairy") };
  await signUp(page, ada);
  await createOrganisation(page, org, "click");
  const { link } = await createInvitation(page, org.slug, "Observer", { how: "click" });

  const second = await secondBrowser(browser, testInfo, consoleErrors);
  await second.page.goto(link);
  await second.page.getByRole("main").getByRole("link", { name: "Create an account" }).click();
  await fillSignUp(second.page, person(testInfo, "Cleo"), PASSWORD);
  await submit(second.page, second.page.getByRole("button", { name: "Create account" }));
  const landed = new URL(second.page.url()).pathname;
  await second.context.close();
  expect(landed).toBe(new URL(link).pathname);
});

test("sign out, then sign in: a wrong password is refused without saying which part was wrong", async ({
  page,
  consoleErrors,
}, testInfo) => {
  const who = person(testInfo, "Dora");
  await signUp(page, who);
  await expectSignedInAs(page, who.name);
  await page.getByRole("banner").getByRole("link", { name: who.name }).click();
  await expect(page).toHaveURL(/\/account$/);

  await submit(page, page.getByRole("banner").getByRole("button", { name: "Sign out" }));
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
  await expect(page.getByRole("banner").getByRole("link", { name: who.name })).toHaveCount(0);
  // The session really ended: going back to the account page asks to sign in first (the
  // browser keeps no copy of a signed-in page to show there, e.g. on a shared computer).
  await page.goBack();
  await expect
    .soft(page, "Back after signing out shows no copy of the account page")
    .toHaveURL(/\/signin\?next=\/account$/);
  // (If it showed one, reloading asks the server, which sends the sign-in page.)
  if (new URL(page.url()).pathname === "/account") await page.reload();
  await expect(page).toHaveURL(/\/signin\?next=\/account$/);

  const message = "The e-mail address or the password is not right.";
  // An address without an account...
  await page.getByLabel("E-mail address").fill(`nobody-${who.email}`);
  await page.getByLabel("Password").fill(PASSWORD);
  const unknown = await submit(page, page.getByRole("button", { name: "Sign in" }));
  expect(unknown.status()).toBe(422);
  await expect(page.getByRole("alert")).toContainText(message);

  // ...and a wrong password get the same answer; the e-mail is kept.
  await page.getByLabel("E-mail address").fill(who.email);
  await page.getByLabel("Password").fill("not the right password");
  const wrong = await submit(page, page.getByRole("button", { name: "Sign in" }));
  expect(wrong.status()).toBe(422);
  forgiveStatusMessages(consoleErrors, 422);
  await expect(page.getByRole("alert")).toContainText("Please correct the following");
  await expect(page.getByRole("alert")).toContainText(message);
  await expect(page.getByLabel("E-mail address")).toHaveValue(who.email);
  // Without JavaScript the password is never sent back; with it, the form posted in place
  // keeps what was typed.
  const jsOn = testInfo.project.use.javaScriptEnabled !== false;
  await expect(page.getByLabel("Password")).toHaveValue(jsOn ? "not the right password" : "");

  // The right password signs in and goes back to where the person was going.
  await page.getByLabel("Password").fill(PASSWORD);
  const accepted = await submit(page, page.getByRole("button", { name: "Sign in" }));
  expect(accepted.status()).toBe(303);
  await expect(page).toHaveURL(/\/account$/);
  await expectSignedInAs(page, who.name);
  await expect(page.getByLabel("Display name")).toHaveValue(who.name);
  await expect(page.getByLabel("E-mail address")).toHaveValue(who.email);
});

test("a member makes a calendar address, which is shown once, and turns it off", async ({
  page,
}, testInfo) => {
  const who = person(testInfo, "Cal");
  await signUp(page, who);
  await page.getByRole("banner").getByRole("link", { name: who.name }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId("calendar-status")).toHaveText("You have no calendar address.");
  const made = await submit(page, page.getByRole("button", { name: "Make a calendar address" }));
  expect(made.status()).toBe(201);
  const field = page.getByLabel(/Your calendar address/);
  await expect(field).toHaveValue(/\/calendar\/[A-Za-z0-9_-]+\.ics$/);
  const address = await field.inputValue();
  // What a calendar app does: fetch the address, with no cookie of this browser's.
  const feed = await page.request.get(address, { headers: { cookie: "" } });
  expect(feed.status()).toBe(200);
  expect(await feed.text()).toContain("BEGIN:VCALENDAR");
  await expect(page.getByTestId("calendar-status")).toContainText("You have a calendar address, made on");
  const off = await submit(page, page.getByRole("button", { name: "Turn the calendar off" }));
  expect(off.status()).toBe(303);
  await expect(page.getByTestId("calendar-status")).toHaveText("You have no calendar address.");
  await expect(page.getByLabel(/Your calendar address/)).toHaveCount(0);
  expect((await page.request.get(address)).status()).toBe(404);
});

test("the keyboard fills in the sign-up form in order and Enter creates the account", async ({
  page,
  consoleErrors,
}, testInfo) => {
  const who = person(testInfo, "Eva");
  await page.goto("/signup");
  const name = page.getByLabel("Display name");
  // Past the skip link and the header, Tab reaches the first field.
  for (let i = 0; i < 15 && !(await name.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await expect(name).toBeFocused();
  await page.keyboard.type(who.name);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("E-mail address")).toBeFocused();
  await page.keyboard.type(who.email);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Password")).toBeFocused();
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press("Tab");
  const button = page.getByRole("button", { name: "Create account" });
  await expect(button).toBeFocused();
  expect(await button.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe("none");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/$/);
  await expectSignedInAs(page, who.name);
  expect(consoleErrors).toEqual([]);
});

test("the check-your-e-mail page says what to do next and leads home", async ({ page }) => {
  // Reached after signing up or changing the address where Quorate sends mail (the test
  // server sends none): opened by its address.
  await page.goto("/email/sent");
  await expect(page).toHaveTitle("Check your e-mail · Quorate");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your e-mail");
  await expect(page.getByRole("status")).toContainText(
    "We have sent a message to the address you gave. Open the link in it to go on",
  );
  await page.getByRole("main").getByRole("link", { name: "Go to the home page" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Decide together, on your own server",
  );
});

// Accessibility: every identity page, light and dark, with JS on and off; signed in where
// the page needs it; error states reached by posting a bad form in the audited page.
test.describe("axe finds no violations", () => {
  // The administrator's cookies, and those of Bea, a member the administrator suspended.
  let cookies: Cookie[] = [];
  let suspendedCookies: Cookie[] = [];
  let slug = "";
  let orgName = "";
  let inviteLink = "";
  let suspendedName = "";
  let removePath = "";

  test.beforeAll(async ({ browser }, testInfo) => {
    test.setTimeout(60_000);
    const setupErrors: string[] = [];
    const newContext = async (label: string) => {
      const context: BrowserContext = await browser.newContext({
        baseURL: testInfo.project.use.baseURL,
      });
      watchConsole(context, setupErrors, label);
      return { context, page: await context.newPage() };
    };
    const { context, page } = await newContext("setup");
    const owner = person(testInfo, "Axel");
    await signUp(page, owner);
    slug = unique(testInfo, "audit");
    orgName = `Audit ${slug}`;
    const org = { name: orgName, slug };
    await createOrganisation(page, org, "click");
    inviteLink = (await createInvitation(page, slug, "Member", { how: "click" })).link;
    const beaLink = (await createInvitation(page, slug, "Member", { how: "click" })).link;

    // Bea joins by her own link, and the administrator suspends her.
    const bea = person(testInfo, "Bea");
    suspendedName = bea.name;
    const second = await newContext("setup, second browser");
    await second.page.goto(beaLink);
    await second.page.getByRole("main").getByRole("link", { name: "Create an account" }).click();
    await fillSignUp(second.page, bea, PASSWORD);
    await submit(second.page, second.page.getByRole("button", { name: "Create account" }));
    await submit(second.page, second.page.getByRole("button", { name: "Accept the invitation" }));
    await expect(second.page).toHaveURL(new RegExp(`/o/${slug}$`));
    suspendedCookies = await second.context.cookies();
    await second.context.close();

    await openOrgPage(page, org, "Members");
    const row = memberRow(page, bea.name);
    await submit(page, row.getByRole("button", { name: "Suspend" }));
    await expect(row.getByRole("cell").nth(STATUS_CELL)).toHaveText("Suspended");
    removePath = (await row.locator("form[action$='/remove']").getAttribute("action")) ?? "";
    expect(removePath).toMatch(new RegExp(`^/o/${slug}/members/[^/]+/remove$`));
    cookies = await context.cookies();
    await context.close();
    expect(setupErrors, "no console errors while setting up").toEqual([]);
  });

  const jsOff = () => test.info().project.use.javaScriptEnabled === false;
  const post = (button: string, fill: Record<string, string>) => async (audited: Page) => {
    for (const [label, value] of Object.entries(fill)) {
      await audited.getByLabel(label, { exact: true }).fill(value);
    }
    const response = await submit(audited, audited.getByRole("button", { name: button }));
    expect(response.status()).toBe(422);
    await expect(audited.getByRole("alert")).toContainText("Please correct the following");
  };
  const removeTitle = () => `Remove ${suspendedName}?`;

  const pages: {
    title: string;
    path: () => string;
    /** Whose cookies the audited page has: the administrator's, or the suspended Bea's. */
    as?: "admin" | "suspended";
    prepare?: (audited: Page) => Promise<void>;
    status?: number;
  }[] = [
    { title: "/signup", path: () => "/signup" },
    { title: "/signin", path: () => "/signin" },
    {
      title: "/signup with problems",
      path: () => "/signup",
      prepare: post("Create account", {
        "Display name": "Audit person",
        "E-mail address": "audit-person@example.org",
        Password: "short",
      }),
      status: 422,
    },
    {
      title: "/signin with problems",
      path: () => "/signin",
      prepare: post("Sign in", { "E-mail address": "nobody@example.org", Password: "wrong password" }),
      status: 422,
    },
    {
      title: "/email/sent",
      path: () => "/email/sent",
      prepare: async (audited) => {
        await expect(audited.getByRole("heading", { level: 1 })).toHaveText("Check your e-mail");
      },
    },
    { title: "/invite/<token> (signed out)", path: () => new URL(inviteLink).pathname },
    {
      title: "/orgs/new",
      path: () => "/orgs/new",
      as: "admin",
      prepare: async (audited) => {
        // The time zone is a list of zones grouped by region.
        await expect(audited.getByLabel("Time zone").locator("optgroup[label=Europe]")).toHaveCount(1);
      },
    },
    {
      title: "/orgs/new with problems",
      path: () => "/orgs/new",
      as: "admin",
      prepare: post("Create organisation", {
        Name: "Audit",
        // The time zone is chosen from a list: only the name and address can be wrong.
        "Web address": "Not A Slug!",
      }),
      status: 422,
    },
    { title: "/o/<slug>", path: () => `/o/${slug}`, as: "admin" },
    { title: "/o/<slug>/members", path: () => `/o/${slug}/members`, as: "admin" },
    {
      title: "/o/<slug>/members/<membership>/remove",
      // Without JavaScript the members page's Remove button leads there; with it a dialog
      // asks instead, and the page is opened by its address.
      path: () => (jsOff() ? `/o/${slug}/members` : removePath),
      as: "admin",
      prepare: async (audited) => {
        if (jsOff()) {
          await submit(audited, memberRow(audited, suspendedName).getByRole("button", { name: "Remove" }));
        }
        await expect(audited).toHaveURL(new RegExp(`${removePath}$`));
        await expect(audited.getByRole("heading", { level: 1 })).toHaveText(removeTitle());
      },
    },
    {
      title: "/o/<slug> refused to a suspended member (Not allowed)",
      path: () => "/",
      as: "suspended",
      prepare: async (audited) => {
        // Bea opens her organisation from her home page.
        await audited.getByRole("main").getByRole("link", { name: orgName, exact: true }).click();
        await expect(audited).toHaveURL(new RegExp(`/o/${slug}$`));
        await expect(audited.getByRole("heading", { level: 1 })).toHaveText("Not allowed");
        await expect(audited.getByRole("main")).toContainText("Your membership of this organisation is suspended.");
      },
      status: 403,
    },
    { title: "/o/<slug>/invitations", path: () => `/o/${slug}/invitations`, as: "admin" },
    {
      title: "/o/<slug>/invitations with problems",
      path: () => `/o/${slug}/invitations`,
      as: "admin",
      prepare: post("Create invitation link", { "Expires after (days)": "0" }),
      status: 422,
    },
    { title: "/o/<slug>/settings", path: () => `/o/${slug}/settings`, as: "admin" },
    { title: "/account", path: () => "/account", as: "admin" },
    { title: "/invite/<token> (signed in)", path: () => new URL(inviteLink).pathname, as: "admin" },
  ];

  for (const audited of pages) {
    test(`on ${audited.title} (light and dark)`, async ({ page, browser, consoleErrors }) => {
      if (audited.as) {
        await page.context().addCookies(audited.as === "admin" ? cookies : suspendedCookies);
      }
      const violations = await axeViolationsInSchemes(
        page,
        browser,
        audited.path(),
        ["light", "dark"],
        { reuseCookies: audited.as !== undefined, prepare: audited.prepare },
      );
      if (audited.status) forgiveStatusMessages(consoleErrors, audited.status);
      expect(violations).toEqual({ light: [], dark: [] });
    });
  }
});
