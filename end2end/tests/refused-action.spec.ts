// A refused action is answered on the page that holds its form: the last administrator may
// neither demote nor remove themself, and is told so on the members page (its address, its
// tab title, the problems at the top), not on a "Page not found" or after a crash.
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

  const expectRefusedOnMembersPage = async (what: string) => {
    const summary = page.locator(".problem-summary");
    await expect(summary, what).toBeVisible();
    await expect(summary, what).toHaveAttribute("role", "alert");
    await expect(summary, what).toContainText("Please correct the following");
    await expect(page, what).not.toHaveTitle(/Page not found/);
    await expect(page, what).toHaveTitle(membersTitle);
    expect(new URL(page.url()).pathname, `${what}: the address is the members page`).toBe(
      `/o/${org.slug}/members`,
    );
    await expect(page.getByRole("heading", { level: 1 }), what).toHaveText("Members");
    // Nothing changed: Ada is still the administrator, still active.
    const row = memberRow(page, ada.name);
    await expect(row.getByRole("cell").nth(1), what).toHaveText("Administrator");
    await expect(row.getByRole("cell").nth(2), what).toHaveText("Active");
    // With JavaScript on, the page keeps working after the refusal: give a late panic or
    // hydration error the time to reach the console.
    await settle(page);
  };

  // Demoting herself to member is refused.
  const row = memberRow(page, ada.name);
  await row.getByLabel(`Role ${ada.name}`).selectOption({ label: "Member" });
  const demoted = await submit(page, row.getByRole("button", { name: "Change role" }));
  expect(demoted.status(), "the refusal is an answer, not a server failure").toBeLessThan(500);
  if (demoted.status() >= 400) forgiveStatusMessages(consoleErrors, demoted.status());
  await expectRefusedOnMembersPage("demoting the last administrator");
  await expect(row.getByLabel(`Role ${ada.name}`)).toHaveValue("admin");

  // Removing herself is refused too, from the page the first refusal left her on. Removing
  // is asked first: with JavaScript in a dialog, without it on a page that asks.
  const questions: string[] = [];
  page.on("dialog", async (dialog) => {
    questions.push(dialog.message());
    await dialog.accept();
  });
  let removed = await submit(page, row.getByRole("button", { name: "Remove" }));
  if (testInfo.project.use.javaScriptEnabled === false) {
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Remove ${ada.name}?`);
    removed = await submit(page, page.getByRole("main").getByRole("button", { name: "Remove" }));
  } else {
    expect(questions, "a dialog asked first").toEqual([
      expect.stringContaining(`Remove ${ada.name} from this organisation?`),
    ]);
  }
  expect(removed.status(), "the refusal is an answer, not a server failure").toBeLessThan(500);
  if (removed.status() >= 400) forgiveStatusMessages(consoleErrors, removed.status());
  await expectRefusedOnMembersPage("removing the last administrator");

  // A reload shows the members page, without posting the refused change again.
  await page.reload();
  await expect(page).toHaveTitle(membersTitle);
  expect(new URL(page.url()).pathname).toBe(`/o/${org.slug}/members`);
  await expect(page.locator(".problem-summary")).toHaveCount(0);
});
