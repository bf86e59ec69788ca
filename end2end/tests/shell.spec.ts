// The web shell: home page, languages, 404, keyboard and accessibility. After a test's first
// page.goto, it moves by links and forms; a mistyped address is typed in.
import { test, expect, axeViolations, forgiveStatusMessages } from "./fixtures";

test("the home page says what Quorate is for", async ({ page, consoleErrors }) => {
  await page.goto("/");
  await expect(page).toHaveTitle("Quorate");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Decide together, on your own server",
  );
  await expect(page.getByRole("banner").getByRole("link", { name: /Quorate/ })).toBeVisible();
  await expect(page.getByRole("contentinfo")).toContainText("free software");
  expect(consoleErrors).toEqual([]);
});

test("with JavaScript on, the page hydrates under the CSP without errors", async ({
  page,
  consoleErrors,
}, testInfo) => {
  test.skip(testInfo.project.name === "js-off", "hydration needs JavaScript");
  const wasm = page.waitForResponse((r) => /\/pkg\/quorate(-[0-9a-f]+)?_bg\.wasm$/.test(r.url()));
  await page.goto("/");
  expect((await wasm).status()).toBe(200);
  await page.waitForLoadState("networkidle");
  expect(consoleErrors).toEqual([]);
});

test("the language switch changes the text and persists across pages", async ({
  page,
  consoleErrors,
}) => {
  await page.goto("/");
  await page.getByLabel("Language").selectOption("es");
  await page.getByRole("button", { name: "Change language" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Decidir en común, en vuestro propio servidor",
  );
  await expect(page.locator("html")).toHaveAttribute("lang", "es");

  // The next page reached by a link is in Spanish too.
  await page.getByRole("banner").getByRole("link", { name: "Iniciar sesión", exact: true }).click();
  await expect(page).toHaveURL(/\/signin$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Iniciar sesión");
  await expect(page.getByLabel("Idioma")).toHaveValue("es");

  // So is a mistyped address (typed into the address bar), also after a reload.
  await page.goto("/no-such-page");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Página no encontrada");
  await page.reload();
  await expect(page.getByLabel("Idioma")).toHaveValue("es");

  await page.getByLabel("Idioma").selectOption("en");
  await page.getByRole("button", { name: "Cambiar idioma" }).click();
  await expect(page).toHaveURL(/\/no-such-page$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  forgiveStatusMessages(consoleErrors, 404);

  // And English stays picked on the way home.
  await page.getByRole("link", { name: "Go to the home page" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Decide together, on your own server",
  );
});

test("an unknown address shows a page that says so, with a way home", async ({
  page,
  consoleErrors,
}) => {
  const response = await page.goto("/nothing/here");
  expect(response?.status()).toBe(404);
  forgiveStatusMessages(consoleErrors, 404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await page.getByRole("link", { name: "Go to the home page" }).click();
  await expect(page).toHaveURL(/\/$/);
});

test("the keyboard reaches the skip link first, with a visible focus", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  // Playwright evaluates through the DevTools protocol, so this works with JavaScript off.
  expect(await skip.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe("solid");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
});

for (const scheme of ["light", "dark"] as const) {
  for (const path of ["/", "/nothing/here"]) {
    test(`axe finds no violations on ${path} (${scheme})`, async ({
      page,
      browser,
      consoleErrors,
    }) => {
      expect(await axeViolations(page, browser, path, scheme)).toEqual([]);
      if (path !== "/") forgiveStatusMessages(consoleErrors, 404);
    });
  }
}
