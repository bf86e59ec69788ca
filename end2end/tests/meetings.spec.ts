// Meetings (issue #13), as a facilitator runs one in the browser, with JavaScript on and off:
// create it from the organisation's dashboard, record attendance, build the agenda and its
// notes and action points, mark it held and approve the minutes, which then stay read-only,
// correct them as a new version, and print them; axe and 320 px on the meetings pages.
import {
  test,
  expect,
  axeViolationsInSchemes,
  createOrganisation,
  forgiveStatusMessages,
  openDashboard,
  openOrgPage,
  person,
  shortUnique,
  signUp,
  submit,
} from "./fixtures";
import type { Browser, Page } from "@playwright/test";

async function expectNoAxeViolations(page: Page, browser: Browser, path: string) {
  const violations = await axeViolationsInSchemes(page, browser, path, ["light", "dark"], {
    reuseCookies: true,
  });
  expect(violations.light, `${path} (light)`).toEqual([]);
  expect(violations.dark, `${path} (dark)`).toEqual([]);
}

async function expectReflowsAt320(page: Page, what: string) {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 800 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect.soft(width, `${what} (${page.url()}) is ${width}px wide at 320px`).toBeLessThanOrEqual(320);
  if (size) await page.setViewportSize(size);
}

test("a facilitator runs a meeting from the agenda to approved minutes", async ({
  page,
  browser,
  consoleErrors,
}, testInfo) => {
  test.setTimeout(90_000);
  const ada = person(testInfo, "Ada");
  const org = { name: `Meeting Co-op ${shortUnique(testInfo)}`, slug: shortUnique(testInfo) };
  await signUp(page, ada);
  await createOrganisation(page, org);
  await openOrgPage(page, org, "Meetings");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Meetings");
  await expectNoAxeViolations(page, browser, `/o/${org.slug}/meetings`);
  await expectReflowsAt320(page, "the meetings page");

  // A refused form keeps what was typed and names the rule.
  await page.getByLabel("Title", { exact: true }).fill("General meeting");
  await page.getByLabel("Link", { exact: true }).fill("ftp://example.org/room");
  let answer = await submit(page, page.getByRole("button", { name: "Create the meeting" }));
  expect(answer.status()).toBe(422);
  forgiveStatusMessages(consoleErrors, 422);
  await expect(page.locator('[data-problem="meeting_link_not_web"]').first()).toBeVisible();
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("General meeting");
  await page.getByLabel("Link", { exact: true }).fill("https://meet.example.org/room");
  await page.getByLabel("Place", { exact: true }).fill("The hall");
  answer = await submit(page, page.getByRole("button", { name: "Create the meeting" }));
  expect(answer.status()).toBe(303);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("General meeting");
  await expect(page.locator(".eyebrow")).toHaveText("Draft");

  // Attendance: Ada is present.
  await page.getByRole("group", { name: ada.name }).getByLabel("Present").check();
  answer = await submit(page, page.getByRole("button", { name: "Save the attendance" }));
  expect(answer.status()).toBe(303);
  await expect(page.getByTestId("attendance")).toContainText(ada.name);

  // The agenda: an item, then its notes.
  await page.getByLabel("Item", { exact: true }).fill("Budget for next year");
  answer = await submit(page, page.getByRole("button", { name: "Add an item" }).last());
  expect(answer.status()).toBe(303);
  await expect(page.locator(".agenda-item h3")).toHaveText("Budget for next year");
  await page.getByText("Edit this item").click();
  await page.locator(".agenda-item").getByLabel("Notes").fill("Agreed: **5 %** more for repairs.");
  answer = await submit(page, page.getByRole("button", { name: "Save the item" }));
  expect(answer.status()).toBe(303);
  await expect(page.locator(".agenda-item .markdown strong")).toHaveText("5 %");

  // An action point with its owner and due date; the owner marks it done.
  await page.locator("summary", { hasText: "Add an action point" }).click();
  await page.getByLabel("What is to be done").fill("Ask for three quotes");
  await page.locator(".agenda-item").getByLabel("Owner").selectOption({ label: ada.name });
  await page.getByLabel("Due date (optional)").fill("2027-01-15");
  answer = await submit(page, page.getByRole("button", { name: "Add an action point" }));
  expect(answer.status()).toBe(303);
  await expect(page.getByTestId("actions")).toContainText(
    `Ask for three quotes (Owner: ${ada.name} · Due: 2027-01-15)`,
  );
  answer = await submit(page, page.getByRole("button", { name: "Mark as done" }));
  expect(answer.status()).toBe(303);
  await expect(page.getByTestId("actions")).toContainText("Done");
  await expect(page.getByRole("button", { name: "Mark as not done" })).toBeVisible();
  await expectNoAxeViolations(page, browser, new URL(page.url()).pathname);
  await expectReflowsAt320(page, "a meeting's page");

  // Held, then approved: read-only afterwards.
  answer = await submit(page, page.getByRole("button", { name: "Mark the meeting as held" }));
  expect(answer.status()).toBe(303);
  await expect(page.locator(".eyebrow")).toHaveText("Held");
  answer = await submit(page, page.getByRole("button", { name: "Approve the minutes" }));
  expect(answer.status()).toBe(303);
  await expect(page.locator(".eyebrow")).toHaveText("Minutes approved");
  await expect(page.getByTestId("approved")).toContainText("(version 1)");
  await expect(page.getByRole("button", { name: "Save the attendance" })).toHaveCount(0);
  await expect(page.getByText("Edit this item")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Markdown" })).toBeVisible();

  // A correction: reopened with a reason, approved again as version 2; both listed.
  await page.getByLabel("Why they need correcting").fill("The quotes are four, not three.");
  answer = await submit(page, page.getByRole("button", { name: "Reopen the minutes for a correction" }));
  expect(answer.status()).toBe(303);
  await expect(page.getByTestId("correcting")).toContainText("The quotes are four, not three.");
  answer = await submit(page, page.getByRole("button", { name: "Approve the minutes" }));
  expect(answer.status()).toBe(303);
  await expect(page.getByTestId("approved")).toContainText("(version 2)");
  await expect(page.getByTestId("versions").locator("li")).toHaveCount(2);

  // The minutes to print: the record, lines to sign, and the PDF.
  await page.getByRole("link", { name: "Minutes to print" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Minutes: General meeting");
  await expect(page.locator(".signatures .signature")).toHaveCount(4);
  await expect(page.getByTestId("meeting-minutes")).toContainText("Ask for three quotes");
  await expectNoAxeViolations(page, browser, new URL(page.url()).pathname);
  await expectReflowsAt320(page, "the minutes to print");
  const pdf = await page.getByRole("link", { name: "PDF" }).getAttribute("href");
  expect(pdf).toMatch(/\/minutes\.pdf$/);
  const response = await page.request.get(pdf!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect((await response.body()).subarray(0, 5).toString()).toBe("%PDF-");
  await page.getByRole("link", { name: "Version 1" }).click();
  await expect(page.locator(".eyebrow")).toContainText("Version 1");
});

test("an admin sets the paper for printed minutes and attendance as quorum reference", async ({
  page,
  browser,
}, testInfo) => {
  const ada = person(testInfo, "Ada");
  const org = { name: `Paper Co-op ${shortUnique(testInfo)}`, slug: shortUnique(testInfo) };
  await signUp(page, ada);
  await createOrganisation(page, org);
  await openOrgPage(page, org, "Meetings");
  await page.getByLabel("Paper for printed minutes").selectOption("letter");
  await page.getByLabel("Rounds opened from a meeting's agenda count their quorum").check();
  const answer = await submit(page, page.getByRole("button", { name: "Save the meeting settings" }));
  expect(answer.status()).toBe(303);
  await expect(page.getByLabel("Paper for printed minutes")).toHaveValue("letter");
  await expect(page.getByLabel("Rounds opened from a meeting's agenda count their quorum")).toBeChecked();
  await expectNoAxeViolations(page, browser, `/o/${org.slug}/meetings`);
});

test("a round opened from a meeting's agenda counts quorum against the members present", async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  const ada = person(testInfo, "Ada");
  const org = { name: `Agenda Co-op ${shortUnique(testInfo)}`, slug: shortUnique(testInfo) };
  await signUp(page, ada);
  await createOrganisation(page, org);
  // A proposal in discussion.
  await openDashboard(page, org);
  await page.getByRole("main").getByRole("link", { name: "New proposal" }).click();
  await page.getByLabel("Title").fill("Bike shed");
  await page.getByLabel("Proposal", { exact: true }).fill("Paint it green.");
  let answer = await submit(page, page.getByRole("button", { name: "Save draft" }));
  expect(answer.status()).toBe(303);
  answer = await submit(page, page.getByRole("button", { name: "Publish for discussion" }));
  expect(answer.status()).toBe(303);
  // The organisation counts quorum against those present at a meeting.
  await openOrgPage(page, org, "Meetings");
  await page.getByLabel("Rounds opened from a meeting's agenda count their quorum").check();
  answer = await submit(page, page.getByRole("button", { name: "Save the meeting settings" }));
  expect(answer.status()).toBe(303);
  await page.getByLabel("Title", { exact: true }).fill("General meeting");
  answer = await submit(page, page.getByRole("button", { name: "Create the meeting" }));
  expect(answer.status()).toBe(303);
  await page.getByRole("group", { name: ada.name }).getByLabel("Present").check();
  answer = await submit(page, page.getByRole("button", { name: "Save the attendance" }));
  expect(answer.status()).toBe(303);
  await page.getByLabel("Item", { exact: true }).fill("Bike shed");
  await page.getByLabel("Proposal number").fill("1");
  answer = await submit(page, page.getByRole("button", { name: "Add an item" }).last());
  expect(answer.status()).toBe(303);
  // From the item to the round form, which knows where it came from.
  await page.getByRole("link", { name: "Open a decision round on this proposal" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Start a decision round");
  await expect(page.locator(".notice").first()).toContainText("opened from a meeting's agenda item");
  await page.getByLabel("Quorum", { exact: true }).fill("1/2");
  answer = await submit(page, page.getByRole("button", { name: "Check the rule" }));
  expect(answer.status()).toBe(201);
  await expect(page.locator(".statement")).toContainText(
    "At least 1 of the 1 members present at General meeting must take part.",
  );
  answer = await submit(page, page.getByRole("button", { name: "Create the round" }));
  expect(answer.status()).toBe(303);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bike shed");
  // Back on the meeting, the item lists the round.
  await openOrgPage(page, org, "Meetings");
  await page.getByRole("link", { name: "General meeting" }).click();
  await expect(page.getByTestId("decisions")).toContainText("Open");
});
