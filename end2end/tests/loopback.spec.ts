// Quorate bound to 127.0.0.1 without a configured base_url is also reached as
// http://localhost:PORT (the address people type): its forms work there too, instead of
// being refused as coming "from another site".
import { test, expect, fillSignUp, person, PASSWORD, submit, watchConsole } from "./fixtures";

test("signing up at http://localhost works like at 127.0.0.1", async ({
  browser,
  consoleErrors,
}, testInfo) => {
  const configured = new URL(testInfo.project.use.baseURL!);
  expect(configured.hostname, "the server is configured for 127.0.0.1").toBe("127.0.0.1");
  const localhost = `http://localhost:${configured.port}`;
  // A fresh browser, as someone opening the address for the first time.
  const context = await browser.newContext({
    javaScriptEnabled: testInfo.project.use.javaScriptEnabled,
  });
  watchConsole(context, consoleErrors, "localhost browser,");
  const page = await context.newPage();
  const who = person(testInfo, "Lola");

  await page.goto(`${localhost}/signup`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Create an account");
  await fillSignUp(page, who, PASSWORD);
  const response = await submit(page, page.getByRole("button", { name: "Create account" }));
  const refusal = response.status() === 403 ? await response.text().catch(() => "") : "";
  expect(response.status(), `the sign-up is accepted and redirects ${refusal}`).toBe(303);
  expect(page.url()).toBe(`${localhost}/`);
  const header = page.getByRole("banner");
  await expect(header.getByRole("link", { name: who.name, exact: true })).toHaveAttribute(
    "href",
    "/account",
  );
  await expect(header.getByRole("button", { name: "Sign out" })).toBeVisible();

  // Signed in on localhost, the account page is reachable by its link.
  await header.getByRole("link", { name: who.name, exact: true }).click();
  await expect(page).toHaveURL(`${localhost}/account`);
  await expect(page.getByLabel("Display name")).toHaveValue(who.name);
  await context.close();
});
