// Text people type is shown as text, everywhere, with JavaScript on and off: markup, entities,
// attribute breakouts and script in a display name, an organisation's name and description,
// a group's name and description, and a meeting's title, place, agenda item and action point
// never become elements, attributes or scripts, and are
// shown exactly as typed (also in the tab title). Each payload goes in through the forms, as
// a person types it, and is looked for on every page that shows it.
import {
  test,
  expect,
  createInvitation,
  createOrganisation,
  openDashboard,
  openOrgPage,
  settle,
  shortUnique,
  signUp,
  submit,
} from "./fixtures";
import type { Locator, Page } from "@playwright/test";

const PAYLOADS = [
  `T</title><meta http-equiv="refresh" content="0;url=https://evil.example/x">`,
  `</style><b data-injected="style">x</b>`,
  `</script><script>window.__pwned=1</script>`,
  `</textarea><b data-injected="textarea">x</b>`,
  `" autofocus onfocus="window.__pwned=1" x="`,
  `' onmouseover='window.__pwned=1`,
  `javascript:window.__pwned=1`,
  `<img src=x onerror="window.__pwned=1" data-injected="img">`,
  `&lt;b data-injected="entity"&gt;`,
  `&amp;lt;`,
  `<meta name="injected">`,
];

// Display names, organisation and group names have at most 120 characters, descriptions 2000;
// every payload (plus " 2") fits.
for (const payload of PAYLOADS) {
  if (payload.length + 2 > 120) throw new Error(`payload too long for a name: ${payload}`);
}

const SUSPICIOUS = [
  "[data-injected]",
  "meta[http-equiv]",
  "meta[name=injected]",
  "[onerror]",
  "[onfocus]",
  "[onmouseover]",
  "[autofocus]",
  'a[href^="javascript:"]',
  "img[src=x]",
].join(", ");

/** The CSP script nonce of the document shown last in `page`'s main frame. */
function trackNonce(page: Page) {
  const seen = { nonce: "" };
  page.on("response", (response) => {
    const request = response.request();
    if (!request.isNavigationRequest() || request.frame() !== page.mainFrame()) return;
    const csp = response.headers()["content-security-policy"] ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    if (nonce) seen.nonce = nonce;
  });
  return seen;
}

/** Asserts that nothing typed became markup on the page shown now, and that each of
 *  `shown` (a locator and the text typed) shows the text exactly. */
async function expectOnlyText(
  page: Page,
  what: string,
  csp: { nonce: string },
  shown: [Locator, string][],
  title?: string,
) {
  await settle(page);
  expect(new URL(page.url()).origin, `${what}: still on Quorate`).toBe(
    new URL(test.info().project.use.baseURL!).origin,
  );
  await expect(page.locator(SUSPICIOUS), `${what}: no injected element or attribute`).toHaveCount(0);
  const found = await page.evaluate((nonce) => {
    const foreignScripts = [...document.scripts]
      .filter((script) => {
        if (script.src) {
          const url = new URL(script.src, location.href);
          return !(url.origin === location.origin && url.pathname.startsWith("/pkg/"));
        }
        return !nonce || script.nonce !== nonce;
      })
      .map((script) => script.outerHTML.slice(0, 120));
    const handlers = [...document.querySelectorAll("*")].flatMap((el) =>
      [...el.attributes]
        .filter((attribute) => attribute.name.toLowerCase().startsWith("on"))
        .map((attribute) => `${el.tagName.toLowerCase()}[${attribute.name}]`),
    );
    return {
      foreignScripts,
      handlers,
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      titles: document.querySelectorAll("title").length,
    };
  }, csp.nonce);
  expect(csp.nonce, `${what}: the page came with a CSP nonce`).not.toBe("");
  expect(found.foreignScripts, `${what}: only the page's own scripts`).toEqual([]);
  expect(found.handlers, `${what}: no event handler attributes`).toEqual([]);
  expect(found.pwned, `${what}: no injected script ran`).toBeUndefined();
  expect(found.titles, `${what}: one title element`).toBe(1);
  if (title !== undefined) {
    expect(await page.title(), `${what}: the tab title shows the name as typed`).toContain(title);
  }
  for (const [locator, text] of shown) {
    const tag = await locator.evaluate((el) => el.tagName.toLowerCase());
    if (tag === "input" || tag === "textarea" || tag === "select") {
      await expect(locator, `${what}: the field holds the text as typed`).toHaveValue(text);
    } else {
      await expect(locator, `${what}: the text is shown as typed`).toHaveText(text);
    }
  }
}

PAYLOADS.forEach((payload, index) => {
  test(`typed text stays text (${index + 1}/${PAYLOADS.length}): ${payload}`, async ({
    page,
    context,
  }, testInfo) => {
    test.setTimeout(120_000);
    // Without JavaScript the browser shows the served HTML, which the integration tests
    // (tests/tests/scenarios/security.rs) parse for every payload on every page, on both
    // databases; here, without JavaScript, one payload of each kind is enough.
    test.skip(
      testInfo.project.use.javaScriptEnabled === false && ![0, 3, 4, 7].includes(index),
      "the served HTML is checked for this payload by the integration tests",
    );
    // An injected refresh must not leave for another site.
    await context.route(/evil\.example/, (route) => route.abort());
    const csp = trackNonce(page);
    const id = shortUnique(testInfo);
    const who = { name: payload, email: `inject-${id}@example.org` };
    const org = { name: payload, slug: `inject-${id}`, description: payload };
    const banner = page.getByRole("banner");
    const main = page.getByRole("main");
    const h1 = page.getByRole("heading", { level: 1 });
    const accountLink = () => banner.locator('a[href="/account"]');

    // Sign-up: the display name.
    await page.goto("/");
    await signUp(page, who, "click");
    await expect(page).toHaveURL(/\/$/);
    await expectOnlyText(page, "home after sign-up", csp, [[accountLink(), who.name]]);

    // Create an organisation: its name and description.
    await createOrganisation(page, org, "click");
    await expectOnlyText(
      page,
      "new organisation's dashboard",
      csp,
      [
        [h1, org.name],
        [main.locator(".lead"), org.description],
      ],
      org.name,
    );

    // Settings: the form shows them as typed; change both.
    await openOrgPage(page, org, "Settings");
    const nameField = page.getByLabel("Name", { exact: true });
    const descriptionField = page.getByLabel("Description");
    await expectOnlyText(
      page,
      "settings",
      csp,
      [
        [nameField, org.name],
        [descriptionField, org.description],
      ],
      org.name,
    );
    org.name = `${payload} 2`;
    org.description = `${payload} 2`;
    await nameField.fill(org.name);
    await descriptionField.fill(org.description);
    await submit(page, page.getByRole("button", { name: "Save" }));
    await expect(page).toHaveURL(new RegExp(`/o/${org.slug}$`));
    await expectOnlyText(
      page,
      "dashboard after the settings changed",
      csp,
      [
        [h1, org.name],
        [main.locator(".lead"), org.description],
      ],
      org.name,
    );
    await openOrgPage(page, org, "Settings");
    await expectOnlyText(
      page,
      "settings after saving",
      csp,
      [
        [nameField, org.name],
        [descriptionField, org.description],
      ],
      org.name,
    );

    // Account: the display name as typed; change it.
    await accountLink().click();
    await expect(page).toHaveURL(/\/account$/);
    const displayName = page.getByLabel("Display name");
    await expectOnlyText(page, "account", csp, [
      [displayName, who.name],
      [accountLink(), who.name],
    ]);
    who.name = `${payload} 2`;
    await displayName.fill(who.name);
    await submit(page, page.getByRole("button", { name: "Save" }));
    await expect(page).toHaveURL(/\/account$/);
    await expectOnlyText(page, "account after saving", csp, [
      [displayName, who.name],
      [accountLink(), who.name],
    ]);

    // Members: the display name in the table.
    await openOrgPage(page, org, "Members");
    await expectOnlyText(
      page,
      "members",
      csp,
      [
        [page.getByRole("row").nth(1).getByRole("rowheader"), who.name],
        [page.getByRole("navigation", { name: "Breadcrumbs" }).getByRole("link").last(), org.name],
      ],
      org.name,
    );

    // Groups: a group's name and description, and the display name in its member list.
    await openOrgPage(page, org, "Groups");
    const group = { name: payload, slug: `group-${id}`, description: payload };
    await page.getByLabel("Group name").fill(group.name);
    await page.getByLabel("Web address").fill(group.slug);
    await page.getByLabel("Description").fill(group.description);
    await submit(page, page.getByRole("button", { name: "Create group" }));
    await expect(page).toHaveURL(new RegExp(`/o/${org.slug}/groups$`));
    const card = page.locator("section.group");
    await expectOnlyText(
      page,
      "groups",
      csp,
      [
        [card.getByRole("heading", { level: 2 }), group.name],
        [card.locator("p"), group.description],
        [card.getByRole("combobox").locator("option").first(), who.name],
      ],
      org.name,
    );
    await card.getByRole("combobox").selectOption({ label: who.name });
    await submit(page, card.getByRole("button", { name: "Add", exact: true }));
    await expectOnlyText(
      page,
      "groups, with a member",
      csp,
      [[card.locator("li").first(), `${who.name} Remove from group`]],
      org.name,
    );

    // A meeting: its title and place, an agenda item and an action point, on its page and
    // in its minutes to print.
    await openOrgPage(page, org, "Meetings");
    await page.getByLabel("Title", { exact: true }).fill(payload);
    await page.getByLabel("Place", { exact: true }).fill(payload);
    await submit(page, page.getByRole("button", { name: "Create the meeting" }));
    await expect(page).toHaveURL(new RegExp(`/o/${org.slug}/meetings/1$`));
    await page.getByLabel("Item", { exact: true }).fill(payload);
    await submit(page, page.getByRole("button", { name: "Add an item" }).last());
    await page.locator("summary", { hasText: "Add an action point" }).click();
    await page.getByLabel("What is to be done").fill(payload);
    await submit(page, page.getByRole("button", { name: "Add an action point" }));
    await expectOnlyText(
      page,
      "a meeting",
      csp,
      [
        [h1, payload],
        [page.locator(".agenda-item h3"), payload],
      ],
      payload,
    );
    await page.getByRole("link", { name: "Minutes to print" }).click();
    await expectOnlyText(
      page,
      "a meeting's minutes to print",
      csp,
      [
        [h1, `Minutes: ${payload}`],
        [page.locator("article.minutes h3"), `1. ${payload}`],
      ],
      payload,
    );

    // Invitations: the organisation's name in the breadcrumbs and the title.
    const { link } = await createInvitation(page, org.slug, "Member", { how: "click" });
    await expectOnlyText(
      page,
      "invitations",
      csp,
      [[page.getByRole("navigation", { name: "Breadcrumbs" }).getByRole("link").last(), org.name]],
      org.name,
    );

    // Home: the organisation in "Your organisations".
    await openDashboard(page, org);
    await banner.getByRole("link", { name: /^Quorate/ }).click();
    await expectOnlyText(page, "home", csp, [
      [main.locator(`a[href="/o/${org.slug}"]`), org.name],
      [accountLink(), who.name],
    ]);

    // The invitation link (pasted, as it arrives by mail or chat) names the organisation.
    await page.goto(link);
    await expectOnlyText(page, "the invitation link", csp, [
      [main.locator(".lead"), `You are invited to join ${org.name} as Member.`],
    ]);
  });
});
