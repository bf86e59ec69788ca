// A refused action is answered on the page that holds its form: the last administrator may
// neither demote nor remove themself, and is told so on the members page (its tab title, its
// content, the problems at the top), not on a "Page not found" or after a crash.
// Without JavaScript the answer is status 422 at the address posted to (the no-JavaScript
// contract: a form sent back with its problems); with JavaScript the form posts in place and
// its problems are swapped into the members page (the address bar never leaves it), and the
// removal, asked in a dialog, is posted by the browser and its answer moves the address bar to
// the members page, so that a reload shows it without posting again.
import {
  test,
  expect,
  createOrganisation,
  forgiveStatusMessages,
  openOrgPage,
  person,
  settle,
  signUp,
  submit,
  unique,
} from "./fixtures";
import type { Page } from "@playwright/test";

function memberRow(page: Page, name: string) {
  return page
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name, exact: true }) });
}

test("the only administrator cannot demote or remove themself, and is told so on the members page", async ({
  page,
  consoleErrors,
}, testInfo) => {
  test.setTimeout(60_000);
  const ada = person(testInfo, "Ada");
  const org = { name: `Mill ${unique(testInfo, "co-op")}`, slug: unique(testInfo, "mill") };
  const membersTitle = `Members · ${org.name} · Quorate`;

  await page.goto("/");
  await signUp(page, ada, "click");
  await createOrganisation(page, org, "click");
  await openOrgPage(page, org, "Members");
  await expect(page).toHaveTitle(membersTitle);

  const jsOn = testInfo.project.use.javaScriptEnabled !== false;
  const membersPath = `/o/${org.slug}/members`;

  /** The refusal's answer: status 422, the members page with the problems at the top, and
   *  nothing changed. `posted`: the address the form posted to (`…/members/<id>/role`). */
  const expectRefusedOnMembersPage = async (
    what: string,
    status: number,
    posted: RegExp,
    problem: string,
  ) => {
    expect(status, `${what}: the refusal is an answer, not a server failure`).toBe(422);
    forgiveStatusMessages(consoleErrors, status);
    const summary = page.locator(".problem-summary");
    await expect(summary, what).toBeVisible();
    await expect(summary, what).toHaveAttribute("role", "alert");
    await expect(summary, what).toContainText("Please correct the following");
    await expect(summary, what).toContainText(problem);
    await expect(page, what).not.toHaveTitle(/Page not found/);
    await expect(page, what).toHaveTitle(membersTitle);
    const path = new URL(page.url()).pathname;
    if (jsOn) {
      expect(path, `${what}: the address bar shows the members page`).toBe(membersPath);
    } else {
      expect(path, `${what}: the answer is at the address posted to`).toMatch(posted);
    }
    await expect(page.getByRole("heading", { level: 1 }), what).toHaveText("Members");
    // Nothing changed: Ada is still the administrator, still active.
    const row = memberRow(page, ada.name);
    await expect(row.getByRole("cell").nth(1), what).toHaveText("Administrator");
    await expect(row.getByRole("cell").nth(2), what).toHaveText("Active");
    // With JavaScript the problems are swapped into the page and the form keeps what was
    // chosen; without, the page shown again has the stored role selected.
    const chosen = jsOn && what.startsWith("demoting") ? "member" : "admin";
    await expect(row.getByLabel(`Role ${ada.name}`), what).toHaveValue(chosen);
    // With JavaScript on, the page keeps working after the refusal: give a late panic or
    // hydration error the time to reach the console.
    await settle(page);
  };
  const posted = (change: string) => new RegExp(`^/o/${org.slug}/members/[^/]+/${change}$`);

  // Demoting herself to member is refused.
  const row = memberRow(page, ada.name);
  await row.getByLabel(`Role ${ada.name}`).selectOption({ label: "Member" });
  const demoted = await submit(page, row.getByRole("button", { name: "Change role" }));
  await expectRefusedOnMembersPage(
    "demoting the last administrator",
    demoted.status(),
    posted("role"),
    "The last administrator cannot be given another role",
  );

  // Removing herself is refused too, from the page the first refusal left her on. Removing
  // is asked first: with JavaScript in a dialog, without it on a page that asks.
  const questions: string[] = [];
  page.on("dialog", async (dialog) => {
    questions.push(dialog.message());
    await dialog.accept();
  });
  let removed = await submit(page, row.getByRole("button", { name: "Remove" }));
  if (!jsOn) {
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Remove ${ada.name}?`);
    removed = await submit(page, page.getByRole("main").getByRole("button", { name: "Remove" }));
  } else {
    expect(questions, "a dialog asked first").toEqual([
      expect.stringContaining(`Remove ${ada.name} from this organisation?`),
    ]);
  }
  await expectRefusedOnMembersPage(
    "removing the last administrator",
    removed.status(),
    posted("remove"),
    "The last administrator cannot be removed.",
  );

  // The members page shown again, without the refusal's problems and without posting the
  // refused change again: with JavaScript by a reload (the address bar is the members
  // page's), and in both projects by the breadcrumb and the dashboard's "Members" link.
  const expectMembersPageAgain = async (what: string) => {
    await expect(page, what).toHaveTitle(membersTitle);
    expect(new URL(page.url()).pathname, what).toBe(membersPath);
    await expect(page.getByRole("heading", { level: 1 }), what).toHaveText("Members");
    await expect(page.locator(".problem-summary"), what).toHaveCount(0);
    await expect(page.getByRole("alert"), what).toHaveCount(0);
    await expect(memberRow(page, ada.name).getByRole("cell").nth(1), what).toHaveText(
      "Administrator",
    );
  };
  if (jsOn) {
    await page.reload();
    await expectMembersPageAgain("after a reload");
  }
  await page
    .getByRole("navigation", { name: "Breadcrumbs" })
    .getByRole("link", { name: org.name })
    .click();
  await expect(page).toHaveURL(new RegExp(`/o/${org.slug}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(org.name);
  await page.getByRole("main").getByRole("link", { name: "Members", exact: true }).click();
  await expectMembersPageAgain("by the breadcrumb and the members link");
});
