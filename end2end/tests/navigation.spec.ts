// Moving through the app by clicking its links shows each page exactly as loading its address
// does: the same person signed in, the same language, the same content. With JavaScript on
// the clicks happen after hydration (the bug this guards against: pages rendered in the
// browser as if nobody were signed in).
import {
  test,
  expect,
  clickBrand,
  createOrganisation,
  openDashboard,
  person,
  settle,
  signUp,
  unique,
} from "./fixtures";
import type { Page } from "@playwright/test";

/** What a person sees of a page: its language, tab title, main region, account links and
 *  the values of the main region's fields. */
function snapshot(page: Page) {
  return page.evaluate(() => {
    const text = (selector: string) =>
      (document.querySelector(selector) as HTMLElement | null)?.innerText ?? null;
    const fields = [...document.querySelectorAll("main input, main select, main textarea")].map(
      (el) => {
        const field = el as HTMLInputElement;
        return `${field.name}=${field.value}`;
      },
    );
    return {
      path: location.pathname + location.search,
      lang: document.documentElement.lang,
      title: document.title,
      accountNav: text(".site-header .account-nav"),
      main: text("main"),
      fields,
    };
  });
}

/** The page clicked to must equal the same address loaded in another tab of the same
 *  browser (same cookies). */
async function expectSameAsLoaded(page: Page, direct: Page, what: string) {
  await settle(page);
  await direct.goto(page.url());
  await settle(direct);
  const loaded = await snapshot(direct);
  expect(loaded.main, `${what}: the loaded page has content`).toBeTruthy();
  await expect.poll(() => snapshot(page), { message: what, timeout: 10_000 }).toEqual(loaded);
}

test("pages reached by clicking links are the pages their addresses show", async ({
  page,
  context,
}, testInfo) => {
  test.setTimeout(120_000);
  const who = person(testInfo, "Nina");
  const org = { name: `Orchard ${unique(testInfo, "co-op")}`, slug: unique(testInfo, "orchard") };
  const direct = await context.newPage();
  const banner = page.getByRole("banner");
  const main = page.getByRole("main");
  const breadcrumbs = page.getByRole("navigation", { name: "Breadcrumbs" });
  const migas = page.getByRole("navigation", { name: "Ruta de navegación" });

  await page.goto("/");
  await expectSameAsLoaded(page, direct, "home, signed out");
  await banner.getByRole("link", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/signin$/);
  await expectSameAsLoaded(page, direct, "sign-in");
  await banner.getByRole("link", { name: "Create an account" }).click();
  await expect(page).toHaveURL(/\/signup$/);
  await expectSameAsLoaded(page, direct, "sign-up");
  await signUp(page, who, "here");
  await expect(page).toHaveURL(/\/$/);
  await expectSameAsLoaded(page, direct, "home, signed in");

  await main.getByRole("link", { name: "Create an organisation" }).click();
  await expect(page).toHaveURL(/\/orgs\/new$/);
  await expectSameAsLoaded(page, direct, "create an organisation");
  await clickBrand(page);
  await expectSameAsLoaded(page, direct, "home, by the brand link");
  await createOrganisation(page, org, "click");
  await expectSameAsLoaded(page, direct, "organisation dashboard, after creating it");

  await main.getByRole("link", { name: "Members", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${org.slug}/members$`));
  await expect(page.getByRole("rowheader", { name: who.name })).toBeVisible();
  await expectSameAsLoaded(page, direct, "members");

  await breadcrumbs.getByRole("link", { name: "Home", exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  await expectSameAsLoaded(page, direct, "home, by the breadcrumb");
  await main.getByRole("link", { name: org.name }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${org.slug}$`));
  await expectSameAsLoaded(page, direct, "organisation dashboard, from home");

  await main.getByRole("link", { name: "Groups", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${org.slug}/groups$`));
  await expectSameAsLoaded(page, direct, "groups");
  await breadcrumbs.getByRole("link", { name: org.name }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${org.slug}$`));
  await expectSameAsLoaded(page, direct, "organisation dashboard, by the breadcrumb");

  await main.getByRole("link", { name: "Invitations", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${org.slug}/invitations$`));
  await expectSameAsLoaded(page, direct, "invitations");
  await openDashboard(page, org);
  await main.getByRole("link", { name: "Settings", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${org.slug}/settings$`));
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(org.name);
  await expectSameAsLoaded(page, direct, "settings");

  await banner.getByRole("link", { name: who.name }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByLabel("Display name")).toHaveValue(who.name);
  await expectSameAsLoaded(page, direct, "account");
  await clickBrand(page);
  await expectSameAsLoaded(page, direct, "home, from the account page");

  // The language picked stays picked on every page reached by a link.
  await openDashboard(page, org);
  await banner.getByLabel("Language").selectOption("es");
  await banner.getByRole("button", { name: "Change language" }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${org.slug}$`));
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expectSameAsLoaded(page, direct, "organisation dashboard, in Spanish");

  const steps: { link: () => ReturnType<Page["getByRole"]>; path: RegExp; heading?: string; what: string }[] = [
    {
      what: "members, in Spanish",
      link: () => main.getByRole("link", { name: "Personas socias", exact: true }),
      path: new RegExp(`/o/${org.slug}/members$`),
      heading: "Personas socias",
    },
    {
      what: "home, in Spanish, by the breadcrumb",
      link: () => migas.getByRole("link", { name: "Inicio", exact: true }),
      path: /\/$/,
      heading: "Decidir en común, en vuestro propio servidor",
    },
    {
      what: "organisation dashboard, in Spanish, from home",
      link: () => main.getByRole("link", { name: org.name }),
      path: new RegExp(`/o/${org.slug}$`),
      heading: org.name,
    },
    {
      what: "groups, in Spanish",
      link: () => main.getByRole("link", { name: "Grupos", exact: true }),
      path: new RegExp(`/o/${org.slug}/groups$`),
      heading: "Grupos",
    },
    {
      what: "organisation dashboard, in Spanish, by the breadcrumb",
      link: () => migas.getByRole("link", { name: org.name }),
      path: new RegExp(`/o/${org.slug}$`),
      heading: org.name,
    },
    {
      what: "invitations, in Spanish",
      link: () => main.getByRole("link", { name: "Invitaciones", exact: true }),
      path: new RegExp(`/o/${org.slug}/invitations$`),
      heading: "Invitaciones",
    },
    {
      what: "account, in Spanish",
      link: () => banner.getByRole("link", { name: who.name }),
      path: /\/account$/,
      heading: "Tu cuenta",
    },
    {
      what: "home, in Spanish, by the brand link",
      link: () => banner.getByRole("link", { name: /^Quorate/ }),
      path: /\/$/,
      heading: "Decidir en común, en vuestro propio servidor",
    },
    {
      what: "create an organisation, in Spanish",
      link: () => main.getByRole("link", { name: "Crear una organización" }),
      path: /\/orgs\/new$/,
      heading: "Crear una organización",
    },
  ];
  for (const step of steps) {
    await step.link().click();
    await expect(page, step.what).toHaveURL(step.path);
    await expect(page.locator("html"), step.what).toHaveAttribute("lang", "es");
    if (step.heading) {
      await expect(page.getByRole("heading", { level: 1 }), step.what).toHaveText(step.heading);
    }
    await expectSameAsLoaded(page, direct, step.what);
  }
});
