// The forms a newcomer meets first (issue #8, item 10): the web address suggested from the
// name, the time zone chosen from a list (the browser's zone first, with JavaScript), and
// removing or leaving that asks first (a dialog with JavaScript, a page without).
import {
  test,
  expect,
  person,
  shortUnique,
  signUp,
  submit,
  createOrganisation,
  createInvitation,
  openOrgPage,
  secondBrowser,
  PASSWORD,
  fillSignUp,
  settle,
  forgiveStatusMessages,
} from "./fixtures";

test.use({ timezoneId: "Pacific/Auckland" });

const removeConsequences =
  "They lose access to its proposals and rounds at once. An administrator can invite them again later.";

const jsOn = () => test.info().project.use.javaScriptEnabled !== false;

test("the web address follows the name, and the time zone starts as the browser's", async ({ page }, testInfo) => {
  await signUp(page, person(testInfo, "Nia"));
  await page.getByRole("main").getByRole("link", { name: "Create an organisation" }).click();
  await expect(page).toHaveURL(/\/orgs\/new$/);
  // With JavaScript on, the suggestion works once the page has hydrated.
  await settle(page);
  const id = shortUnique(testInfo);
  await page.getByLabel("Name", { exact: true }).fill(`Orchard Bakers ${id}`);
  const slug = page.getByLabel("Web address");
  const zone = page.getByLabel("Time zone");
  if (jsOn()) {
    await expect(slug).toHaveValue(`orchard-bakers-${id}`);
    await expect(zone).toHaveValue("Pacific/Auckland");
  } else {
    // Without JavaScript the address is left empty and made on the server.
    await expect(slug).toHaveValue("");
    await expect(zone).toHaveValue("Europe/London");
  }
  await expect(zone.locator("optgroup[label=Europe] option[value='Europe/Madrid']")).toHaveCount(1);
  const response = await submit(page, page.getByRole("button", { name: "Create organisation" }));
  expect(response.status()).toBe(303);
  await expect(page).toHaveURL(new RegExp(`/o/orchard-bakers-${id}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Orchard Bakers ${id}`);
});

test("typing a web address stops it following the name", async ({ page }, testInfo) => {
  await signUp(page, person(testInfo, "Oli"));
  await page.getByRole("main").getByRole("link", { name: "Create an organisation" }).click();
  await expect(page).toHaveURL(/\/orgs\/new$/);
  await settle(page);
  const slug = page.getByLabel("Web address");
  const name = page.getByLabel("Name", { exact: true });
  const own = `my-own-${shortUnique(testInfo)}`;
  await name.fill("First Name");
  // The suggestion as one types needs JavaScript; without it the field stays as typed.
  if (jsOn()) await expect(slug).toHaveValue("first-name");
  await slug.fill(own);
  await name.fill("Second Name");
  await expect(slug).toHaveValue(own);
  // The organisation gets the address typed, not one made from the name.
  const response = await submit(page, page.getByRole("button", { name: "Create organisation" }));
  expect(response.status()).toBe(303);
  await expect(page).toHaveURL(new RegExp(`/o/${own}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Second Name");
});

test("removing a member asks first; saying no changes nothing", async ({ page, browser, consoleErrors }, testInfo) => {
  const admin = person(testInfo, "Ada");
  await signUp(page, admin);
  const org = { name: `Remove Co-op ${shortUnique(testInfo)}`, slug: shortUnique(testInfo) };
  await createOrganisation(page, org, "click");
  const { link } = await createInvitation(page, org.slug, "Member", { how: "click" });
  const bea = person(testInfo, "Bea");
  const second = await secondBrowser(browser, testInfo, consoleErrors);
  await second.page.goto(link);
  await second.page.getByRole("main").getByRole("link", { name: "Create an account" }).click();
  await fillSignUp(second.page, bea, PASSWORD);
  await submit(second.page, second.page.getByRole("button", { name: "Create account" }));
  await submit(second.page, second.page.getByRole("button", { name: /Accept|Join/ }));
  await second.context.close();

  await openOrgPage(page, org, "Members");
  const row = page.getByRole("row", { name: new RegExp(bea.name) });
  const remove = row.getByRole("button", { name: "Remove" });
  if (jsOn()) {
    // The dialog asks only once the page has hydrated.
    await settle(page);
    const asked: string[] = [];
    page.once("dialog", (dialog) => {
      asked.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await remove.click();
    await expect
      .poll(() => asked, { message: "a dialog asks first" })
      .toEqual([`confirm: Remove ${bea.name} from this organisation? ${removeConsequences}`]);
    await expect(page).toHaveURL(new RegExp(`/o/${org.slug}/members$`));
    await expect(row).toContainText("Active");
    page.once("dialog", (dialog) => void dialog.accept());
    await submit(page, remove);
  } else {
    await submit(page, remove);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Remove ${bea.name}?`);
    await expect(page.getByRole("main")).toContainText(removeConsequences);
    await page.getByRole("link", { name: "Cancel" }).click();
    await expect(page).toHaveURL(new RegExp(`/o/${org.slug}/members$`));
    await expect(row).toContainText("Active");
    await submit(page, row.getByRole("button", { name: "Remove" }));
    await submit(page, page.getByRole("button", { name: "Remove" }));
  }
  await expect(page).toHaveURL(new RegExp(`/o/${org.slug}/members$`));
  await expect(page.getByRole("row", { name: new RegExp(bea.name) })).toContainText("Left");
});

test("a broken rule is answered on the same page, keeping what was typed", async ({
  page,
  consoleErrors,
}, testInfo) => {
  const who = person(testInfo, "Ola");
  await page.goto("/signup");
  await settle(page);
  await fillSignUp(page, who, "short");
  const response = await submit(page, page.getByRole("button", { name: "Create account" }));
  expect(response.status(), "the same answer with JavaScript on and off").toBe(422);
  expect(response.headers()["quorate-action"]).toBe("SignUp");
  forgiveStatusMessages(consoleErrors, 422);
  const summary = page.locator(".problem-summary");
  await expect(summary).toBeVisible();
  await expect(summary.locator("[data-problem=password_too_short]")).toHaveCount(1);
  const password = page.getByLabel("Password");
  await expect(password).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator(".field[data-problem=password_too_short] .field-problems")).toHaveCount(1);
  await expect(page.getByLabel("Display name")).toHaveValue(who.name);
  await expect(page.getByLabel("E-mail address")).toHaveValue(who.email);
  if (jsOn()) {
    // Posted in place: the address bar never left the form, the password typed is still
    // there to correct, and the focus is on the list of problems.
    expect(new URL(page.url()).pathname).toBe("/signup");
    await expect(password).toHaveValue("short");
    await expect(summary).toBeFocused();
  } else {
    // Passwords are never sent back.
    await expect(password).toHaveValue("");
  }
  // Corrected, the same form goes through.
  await password.fill(PASSWORD);
  const fixed = await submit(page, page.getByRole("button", { name: "Create account" }));
  expect(fixed.status()).toBe(303);
  await expect(page.getByRole("banner")).toContainText(who.name);
  await expect(page.locator(".problem-summary")).toHaveCount(0);
});
