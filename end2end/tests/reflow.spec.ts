// Reflow (WCAG 2.2 SC 1.4.10): on a 320 CSS px wide screen every page fits without sideways
// scrolling, also when people gave long unbroken names. A person on a phone goes through
// every page, by links and forms; the invitation link and a mistyped address are typed in.
import {
  test,
  expect,
  clickBrand,
  createInvitation,
  createOrganisation,
  fillSignUp,
  follow,
  forgiveStatusMessages,
  openOrgPage,
  PASSWORD,
  person,
  shortUnique,
  signUp,
  submit,
  watchConsole,
} from "./fixtures";
import type { Page } from "@playwright/test";

const WIDTH = 320;
test.use({ viewport: { width: WIDTH, height: 640 } });

/** `length` letters without a space or hyphen, starting with `start`. */
function unbroken(start: string, length: number) {
  const letters = "Abcdefghijklmnopqrstuvwxyz";
  let text = start;
  while (text.length < length) text += letters[text.length % letters.length];
  return text.slice(0, length);
}

/** Asserts (softly, so one run names every page that overflows) that the page is no wider
 *  than the screen, naming the elements that stick out. */
async function expectReflows(page: Page, what: string) {
  await page.waitForLoadState("load");
  const measured = await page.evaluate((width) => {
    const describe = (el: Element) => {
      const classes = [...el.classList].map((c) => `.${c}`).join("");
      const box = el.getBoundingClientRect();
      return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${classes} (${Math.round(box.left)}..${Math.round(box.right)})`;
    };
    // The outermost elements that reach past the right edge.
    const wide = [...document.body.querySelectorAll("*")].filter((el) => {
      const right = el.getBoundingClientRect().right;
      const parent = el.parentElement?.getBoundingClientRect().right ?? 0;
      return right > width + 0.5 && parent <= width + 0.5;
    });
    return {
      scrollWidth: document.documentElement.scrollWidth,
      wide: wide.slice(0, 6).map(describe),
    };
  }, WIDTH);
  expect
    .soft(
      measured.scrollWidth,
      `${what} (${page.url()}) is ${measured.scrollWidth}px wide; sticking out: ${measured.wide.join(", ") || "none"}`,
    )
    .toBeLessThanOrEqual(WIDTH);
}

test("every page reflows at 320 CSS px, with long names", async ({ page, consoleErrors }, testInfo) => {
  test.setTimeout(90_000);
  const id = shortUnique(testInfo);
  const who = {
    // 60 characters without a break each.
    name: unbroken(`Name${id}`, 60),
    email: `${unbroken(`mail${id}`, 50).toLowerCase()}@example.org`,
  };
  const org = {
    name: unbroken(`Coop${id}`, 60),
    slug: `reflow-${id}`,
    description: unbroken(`Description${id}`, 200),
  };
  expect(who.name).toHaveLength(60);
  expect(org.name).toHaveLength(60);

  await page.goto("/");
  await expectReflows(page, "home, signed out");
  await page.getByRole("banner").getByRole("link", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/signin$/);
  await expectReflows(page, "sign-in");

  await page.getByRole("banner").getByRole("link", { name: "Create an account" }).click();
  await expect(page).toHaveURL(/\/signup$/);
  await expectReflows(page, "sign-up");
  await fillSignUp(page, who, "short");
  const refused = await submit(page, page.getByRole("button", { name: "Create account" }));
  expect(refused.status()).toBe(422);
  forgiveStatusMessages(consoleErrors, 422);
  await expect(page.getByRole("alert")).toContainText("Please correct the following");
  await expectReflows(page, "sign-up, with problems");
  await signUp(page, who, "here");
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("banner").getByRole("link", { name: who.name })).toBeVisible();
  await expectReflows(page, "home, signed in");

  await page.getByRole("banner").getByRole("link", { name: who.name }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expectReflows(page, "account");

  await clickBrand(page);
  await page.getByRole("main").getByRole("link", { name: "Create an organisation" }).click();
  await expect(page).toHaveURL(/\/orgs\/new$/);
  await expectReflows(page, "create an organisation");
  await clickBrand(page);
  await createOrganisation(page, org, "click");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(org.name);
  await expectReflows(page, "organisation dashboard");

  await clickBrand(page);
  await expect(page.getByRole("main").getByRole("link", { name: org.name })).toBeVisible();
  await expectReflows(page, "home, with a long organisation name");

  await openOrgPage(page, org, "Members");
  await expect(page.getByRole("rowheader", { name: who.name })).toBeVisible();
  await expectReflows(page, "members");

  await openOrgPage(page, org, "Groups");
  await expectReflows(page, "groups, none yet");
  const group = { name: unbroken(`Group${id}`, 60), slug: `group-${id}` };
  await page.getByLabel("Group name").fill(group.name);
  await page.getByLabel("Web address").fill(group.slug);
  await page.getByLabel("Description").fill(unbroken("Circle", 150));
  await submit(page, page.getByRole("button", { name: "Create group" }));
  await expect(page.getByRole("heading", { name: group.name })).toBeVisible();
  await expectReflows(page, "groups, one group");
  // The "Add a member" list offers the long display name.
  await page.getByLabel("Add a member").selectOption({ label: who.name });
  await submit(page, page.getByRole("button", { name: "Add", exact: true }));
  await expect(page.getByRole("button", { name: `Remove from group ${who.name}` })).toBeVisible();
  await expectReflows(page, "groups, with a member");

  await openOrgPage(page, org, "Invitations");
  await expectReflows(page, "invitations");
  const { link } = await createInvitation(page, org.slug, "Member", {
    how: "click",
    email: `${unbroken(`invitee${id}`, 60).toLowerCase()}@example.org`,
  });
  await expectReflows(page, "invitations, with a new link");

  await openOrgPage(page, org, "Settings");
  await expectReflows(page, "organisation settings");

  // The invitation link arrives by mail or chat: it is pasted into the address bar.
  await page.goto(link);
  await expect(page.getByRole("main")).toContainText(`join ${org.name} as Member`);
  await expectReflows(page, "an invitation link");

  // So is a mistyped address.
  const missing = await page.goto(`/o/${org.slug}/no-such-page`);
  expect(missing?.status()).toBe(404);
  forgiveStatusMessages(consoleErrors, 404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expectReflows(page, "the 404 page");
});

test("the pages that tell, ask first and refuse reflow at 320 CSS px, with long names", async ({
  page,
  browser,
  consoleErrors,
}, testInfo) => {
  test.setTimeout(90_000);
  const id = shortUnique(testInfo);
  const ada = { name: unbroken(`Ada${id}`, 60), email: `ada-${id}@example.org` };
  const bea = { name: unbroken(`Bea${id}`, 60), email: `bea-${id}@example.org` };
  const org = { name: unbroken(`Coop${id}`, 60), slug: `reflow-ask-${id}` };

  // "Check your e-mail" (after a sign-up where Quorate sends mail; the test server sends
  // none, so it is opened by its address).
  await page.goto("/email/sent");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your e-mail");
  await expectReflows(page, "check your e-mail");
  await page.getByRole("main").getByRole("link", { name: "Go to the home page" }).click();
  await signUp(page, ada, "click");
  await createOrganisation(page, org, "click");
  const { link } = await createInvitation(page, org.slug, "Member", { how: "click" });

  // Bea joins on her own phone.
  const context = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    javaScriptEnabled: testInfo.project.use.javaScriptEnabled,
    viewport: { width: WIDTH, height: 640 },
  });
  watchConsole(context, consoleErrors, "Bea's phone,");
  const beaPage = await context.newPage();
  await beaPage.goto(link);
  await beaPage.getByRole("main").getByRole("link", { name: "Create an account" }).click();
  await fillSignUp(beaPage, bea, PASSWORD);
  await submit(beaPage, beaPage.getByRole("button", { name: "Create account" }));
  await submit(beaPage, beaPage.getByRole("button", { name: "Accept the invitation" }));
  await expect(beaPage).toHaveURL(new RegExp(`/o/${org.slug}$`));

  // Ada suspends her; Bea's organisation is refused to her.
  await openOrgPage(page, org, "Members");
  const row = page
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: bea.name, exact: true }) });
  await submit(page, row.getByRole("button", { name: "Suspend" }));
  await expect(row).toContainText("Suspended");
  await expectReflows(page, "members, with a suspended member");
  await clickBrand(beaPage);
  const refused = await follow(
    beaPage,
    beaPage.getByRole("main").getByRole("link", { name: org.name, exact: true }),
  );
  expect(refused.status()).toBe(403);
  forgiveStatusMessages(consoleErrors, 403);
  await expect(beaPage.getByRole("heading", { level: 1 })).toHaveText("Not allowed");
  await expectReflows(beaPage, "not allowed, to a suspended member");
  await context.close();

  // Without JavaScript, removing her asks on a page of its own (with it, a dialog asks).
  if (testInfo.project.use.javaScriptEnabled === false) {
    await submit(page, row.getByRole("button", { name: "Remove" }));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Remove ${bea.name}?`);
    await expectReflows(page, "the question before removing a member");
    await page.getByRole("main").getByRole("link", { name: "Cancel" }).click();
    await expect(row).toContainText("Suspended");
  }
});

test("on a phone, each value in a table says its column", async ({ page }, testInfo) => {
  const who = person(testInfo, "Tia");
  const org = { name: `Cards ${shortUnique(testInfo)}`, slug: `cards-${shortUnique(testInfo)}` };
  await signUp(page, who);
  await createOrganisation(page, org, "click");
  await openOrgPage(page, org, "Members");
  const row = page
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: who.name, exact: true }) });
  // The column headers are not shown on a phone: the cells name their column instead.
  await expect(page.getByRole("columnheader", { name: "Role" })).not.toBeInViewport();
  const cells = row.getByRole("cell");
  await expect(cells.nth(0)).toHaveAccessibleName(`E-mail address: ${who.email}`);
  await expect(cells.nth(1)).toHaveAccessibleName("Role: Administrator");
  await expect(cells.nth(2)).toHaveAccessibleName("Status: Active");
  const label = (n: number) =>
    cells.nth(n).evaluate((cell) => {
      const before = getComputedStyle(cell, "::before");
      return before.display === "none" || before.visibility === "hidden" ? "" : before.content;
    });
  expect(await label(1), "the label is shown before the value").not.toMatch(/^(none|normal|)$/);
  await expectReflows(page, "members, one card per row");

  // So do the invitations.
  await createInvitation(page, org.slug, "Observer", { how: "click" });
  const invitation = page.getByRole("table").getByRole("row").nth(1).getByRole("cell");
  await expect(invitation.nth(0)).toHaveAccessibleName("E-mail address: Anyone with the link");
  await expect(invitation.nth(1)).toHaveAccessibleName("Role: Observer");
  await expect(invitation.nth(3)).toHaveAccessibleName("Used: 0 / 1");
  await expectReflows(page, "invitations, one card per row");

  // On a wide screen the column headers name the columns, and the values stand alone.
  await page.setViewportSize({ width: 1024, height: 768 });
  const header = page.getByRole("columnheader", { name: "Role" });
  await header.scrollIntoViewIfNeeded();
  await expect(header).toBeInViewport();
  await expect(invitation.nth(1)).toHaveAccessibleName("Observer");
});

test("the proposal, amendment, history and search pages reflow at 320 CSS px", async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  const id = shortUnique(testInfo);
  const who = { name: unbroken(`Ada${id}`, 60), email: `ada-p-${id}@example.org` };
  const org = { name: unbroken(`Coop${id}`, 60), slug: `reflow-p-${id}` };
  const long = unbroken(`Word${id}`, 120);
  const title = `${unbroken(`Title${id}`, 100)} roof`;
  await signUp(page, who);
  await createOrganisation(page, org, "click");

  await page.getByRole("main").getByRole("link", { name: "New proposal" }).click();
  await expectReflows(page, "new proposal");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Summary").fill(`Summary ${long}`);
  await page
    .getByLabel("Proposal", { exact: true })
    .fill(`Body ${long}\n\n| a | b |\n|---|---|\n| ${long} | ${long} |\n\n    ${long} code\n\n[${long}](https://example.org/${long})`);
  await submit(page, page.getByRole("button", { name: "Save draft" }));
  await submit(page, page.getByRole("button", { name: "Publish for discussion" }));
  await page.getByLabel("Your comment", { exact: true }).fill(`Comment ${long}`);
  await submit(page, page.getByRole("button", { name: "Post comment" }));
  await page.getByRole("link", { name: "Reply" }).first().click();
  await page.getByLabel("Your comment", { exact: true }).fill(`Reply ${long}`);
  await submit(page, page.getByRole("button", { name: "Post comment" }));
  await expectReflows(page, "a proposal with comments");

  await page.getByRole("link", { name: "Edit proposal" }).click();
  await expectReflows(page, "edit proposal");
  await page.getByLabel("Proposal", { exact: true }).fill(`Body ${long} changed ${long}x`);
  await page.getByLabel("What changed").fill(`Note ${long}`);
  await submit(page, page.getByRole("button", { name: "Save" }));
  await page.getByRole("link", { name: "Compare the latest revision with the one before" }).click();
  await expectReflows(page, "two revisions compared");
  await page.getByRole("link", { name: title }).click();
  await page.getByRole("link", { name: "Revision 1" }).last().click();
  await expectReflows(page, "an earlier revision");
  await page.getByRole("link", { name: "See the latest" }).click();

  await page.getByRole("link", { name: "Propose an amendment" }).click();
  await expectReflows(page, "propose an amendment");
  await page.getByLabel("Proposal", { exact: true }).fill(`Body ${long} amended ${long}y`);
  await page.getByLabel("Why this change").fill(`Reason ${long}`);
  await submit(page, page.getByRole("button", { name: "Propose amendment" }));
  await expectReflows(page, "an amendment");
  await page.getByLabel("Why it is declined").fill(`Declined ${long}`);
  await submit(page, page.getByRole("button", { name: "Decline amendment" }));
  await expectReflows(page, "a declined amendment");

  await page.getByRole("link", { name: org.name }).click();
  await expectReflows(page, "the organisation's proposals");
  await page.getByLabel("Search proposals and comments").fill(long);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.locator(".search-results mark").first()).toBeVisible();
  await expectReflows(page, "search results");
});
