// Decision rounds (issue #12), as members run them in their browsers, with JavaScript on and
// off: a facilitator confirms a round's rule in plain words and opens it, members vote with
// the method's form, a ballot that breaks the method's rule is refused naming it (what was
// chosen kept), the round closes early, and the result, the ballots and a secret ballot's
// receipt are published; axe on the round pages, and the round page at 320 CSS px.
import {
  test,
  expect,
  axeViolationsInSchemes,
  clickBrand,
  createInvitation,
  createOrganisation,
  forgiveStatusMessages,
  joinInASecondBrowser,
  openDashboard,
  type Organisation,
  person,
  shortUnique,
  signUp,
  submit,
} from "./fixtures";
import type { Browser, Page, TestInfo } from "@playwright/test";

const TREES = "Oak\nPine\nElm";

/** Ranks `names` in order: with JavaScript by the list's "Rank … next" buttons, without it
 *  with one select per choice. */
async function rank(page: Page, testInfo: TestInfo, names: string[]) {
  for (const [at, name] of names.entries()) {
    if (testInfo.project.name === "js-on") {
      await page.getByRole("button", { name: `Rank ${name} next` }).click();
    } else {
      await page.getByLabel(`Choice ${at + 1}`, { exact: true }).selectOption({ label: name });
    }
  }
}


/** Ada creates an organisation and invites Bea as a member, who joins in her own browser. */
async function adaAndBea(
  page: Page,
  browser: Browser,
  testInfo: TestInfo,
  consoleErrors: string[],
  name: string,
) {
  const ada = person(testInfo, "Ada");
  const bea = person(testInfo, "Bea");
  const org = { name: `${name} ${shortUnique(testInfo)}`, slug: shortUnique(testInfo) };
  await signUp(page, ada);
  await createOrganisation(page, org);
  const { link } = await createInvitation(page, org.slug, "Member", { how: "click" });
  const second = await joinInASecondBrowser(browser, testInfo, consoleErrors, link, bea);
  await expect(second.page).toHaveURL(new RegExp(`/o/${org.slug}$`));
  return { ada, bea, org, second, other: second.page };
}

/** Drafts proposal `title` from the organisation's dashboard and publishes it; ends on the
 *  proposal's page. */
async function publishProposal(page: Page, org: Organisation, title: string, body: string) {
  await openDashboard(page, org);
  await page.getByRole("main").getByRole("link", { name: "New proposal" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("New proposal");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Proposal", { exact: true }).fill(body);
  let answer = await submit(page, page.getByRole("button", { name: "Save draft" }));
  expect(answer.status()).toBe(303);
  answer = await submit(page, page.getByRole("button", { name: "Publish for discussion" }));
  expect(answer.status()).toBe(303);
  await expect(page.locator(".eyebrow")).toContainText("In discussion");
}

/** Opens proposal `title` from the organisation's dashboard. */
async function openProposal(page: Page, slug: string, title: string) {
  // From home, so the list is the one as it is now.
  await clickBrand(page);
  await openDashboard(page, { name: "", slug });
  // Exactly the title: the open rounds are listed as "<title> · Round 1" too.
  await page.getByRole("main").getByRole("link", { name: title, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
}

/** Opens round `number` of proposal `title` from the proposal's "Decision rounds". */
async function openRound(page: Page, slug: string, title: string, number = 1) {
  await openProposal(page, slug, title);
  await page.getByRole("main").getByRole("link", { name: `Round ${number}`, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.locator(".eyebrow")).toContainText(`Round ${number}`);
}

/** Fills the round form: each field by its label, a select by its option's label, a
 *  checkbox ticked for "on", anything else typed. */
async function fillRoundForm(page: Page, settings: Record<string, string>) {
  for (const [label, value] of Object.entries(settings)) {
    const field = page.getByLabel(label, { exact: true });
    const kind = await field.evaluate((el) =>
      el.tagName === "SELECT" ? "select" : (el as HTMLInputElement).type,
    );
    if (kind === "select") {
      await field.selectOption({ label: value });
    } else if (kind === "checkbox") {
      await field.setChecked(value === "on");
    } else {
      await field.fill(value);
    }
  }
}

/** From the proposal's page, a facilitator starts a decision round: chooses the method and
 *  its settings, checks the rule in plain words (`rule` shown, nothing stored yet), and
 *  creates the round; ends on the round's page. */
async function startRound(
  page: Page,
  title: string,
  settings: Record<string, string>,
  rule: string,
) {
  await page.getByRole("main").getByRole("link", { name: "Start a decision round" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Start a decision round");
  await fillRoundForm(page, settings);
  const checked = await submit(page, page.getByRole("button", { name: "Check the rule" }));
  expect(checked.status(), "the rule is shown first").toBe(201);
  await expect(page.locator(".statement")).toContainText(rule);
  const created = await submit(page, page.getByRole("button", { name: "Create the round" }));
  expect(created.status(), "the round is created").toBe(303);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.locator(".eyebrow")).toContainText("Open");
}

/** Sends the ballot filled in on the round's page; returns the answer. */
function cast(page: Page, button = "Cast my ballot") {
  return submit(page, page.getByRole("button", { name: button, exact: true }));
}

/** A facilitator's form by its button ("Extend", "Close now", "Cancel the round"): each
 *  has a "Reason" field of its own. */
function facilitatorForm(page: Page, button: string) {
  return page
    .locator("form")
    .filter({ has: page.getByRole("button", { name: button, exact: true }) });
}

/** A facilitator closes the round now, with a reason if one is given. */
async function closeNow(page: Page, reason = "") {
  const form = facilitatorForm(page, "Close now");
  if (reason) await form.getByLabel("Reason", { exact: true }).fill(reason);
  return submit(page, form.getByRole("button", { name: "Close now", exact: true }));
}

/** A facilitator cancels the round with a reason, and goes back to the proposal by the
 *  breadcrumbs. */
async function cancelRound(page: Page, title: string, reason: string) {
  const form = facilitatorForm(page, "Cancel the round");
  await form.getByLabel("Reason", { exact: true }).fill(reason);
  const answer = await submit(page, form.getByRole("button", { name: "Cancel the round" }));
  expect(answer.status()).toBe(303);
  await expect(page.locator(".eyebrow")).toContainText("Cancelled");
  await expect(page.locator("article.round")).toContainText(reason);
  await page
    .getByRole("navigation", { name: "Breadcrumbs" })
    .getByRole("link", { name: title, exact: true })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
}

/** axe finds nothing on `path`, in light and dark. */
async function expectNoAxeViolations(
  page: Page,
  browser: Browser,
  path: string,
  prepare?: (audited: Page) => Promise<void>,
) {
  const violations = await axeViolationsInSchemes(page, browser, path, ["light", "dark"], {
    reuseCookies: true,
    prepare,
  });
  expect(violations.light, `${path} (light)`).toEqual([]);
  expect(violations.dark, `${path} (dark)`).toEqual([]);
}

/** The page shown now fits a 320 CSS px wide screen without sideways scrolling (WCAG 2.2
 *  SC 1.4.10; checked softly); the window gets its size back afterwards. */
async function expectReflowsAt320(page: Page, what: string) {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 800 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect
    .soft(width, `${what} (${page.url()}) is ${width}px wide at 320px`)
    .toBeLessThanOrEqual(320);
  if (size) await page.setViewportSize(size);
}

test("a facilitator runs a majority round and a consent round", async ({
  page,
  browser,
  consoleErrors,
}, testInfo) => {
  test.setTimeout(120_000);
  const { bea, org, second, other } = await adaAndBea(
    page,
    browser,
    testInfo,
    consoleErrors,
    "Majority Co-op",
  );

  // Bea proposes; Ada (the admin, so a facilitator) starts a round on it.
  const title = "Solar roof";
  await publishProposal(other, org, title, "We install ten panels on the roof.");
  await openProposal(page, org.slug, title);
  await page.getByRole("main").getByRole("link", { name: "Start a decision round" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Start a decision round");
  await expect(page.getByRole("main")).toContainText("2 members of");
  // The form, and the form with its rule in plain words (its first answer), pass axe.
  await expectNoAxeViolations(page, browser, new URL(page.url()).pathname, async (audited) => {
    await audited.getByRole("button", { name: "Check the rule" }).click();
    await expect(audited.locator(".statement")).toBeVisible();
    await audited.waitForLoadState("load");
  });

  // At least two thirds of the yes-or-no votes must be yes.
  await fillRoundForm(page, {
    Method: "Majority",
    "Threshold (majority)": "2/3",
    "Comparison (majority)": "at least",
  });
  let answer = await submit(page, page.getByRole("button", { name: "Check the rule" }));
  expect(answer.status(), "the rule is shown first, nothing stored").toBe(201);
  await expect(page.locator(".statement")).toContainText(
    "Adopted if at least 2/3 of the votes for or against are yes.",
  );
  answer = await submit(page, page.getByRole("button", { name: "Create the round" }));
  expect(answer.status()).toBe(303);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.locator(".eyebrow")).toContainText("Round 1");
  await expect(page.locator(".eyebrow")).toContainText("Open");
  const roundPath = new URL(page.url()).pathname;

  // Ada votes yes; her ballot is shown again, and she may change it.
  await page.getByRole("radio", { name: "Yes", exact: true }).check();
  answer = await cast(page);
  expect(answer.status()).toBe(303);
  await expect(page.getByRole("radio", { name: "Yes", exact: true })).toBeChecked();
  await expect(page.getByRole("button", { name: "Change my ballot" })).toBeVisible();
  // The open round, with the ballot and the facilitator's controls, passes axe.
  await expectNoAxeViolations(page, browser, roundPath);

  await expect(page.getByTestId("participation")).toContainText("1 of 2 have voted");

  // Bea votes no.
  await openRound(other, org.slug, title);
  await other.getByRole("radio", { name: "No", exact: true }).check();
  answer = await cast(other);
  expect(answer.status()).toBe(303);
  if (testInfo.project.name === "js-on") {
    // Ada's page follows the round as it runs, without a reload.
    await expect(page.getByTestId("participation")).toContainText("2 of 2 have voted", {
      timeout: 10_000,
    });
  }

  // Everyone voted: Ada closes now, without a reason. 1 of 2 is less than 2/3.
  answer = await closeNow(page);
  expect(answer.status()).toBe(303);
  await expect(page.locator(".eyebrow")).toContainText("Closed");
  await expect(page.locator(".outcome")).toContainText("Not adopted: 1 yes of 2 counted");
  // An open ballot: after the close, members see who voted what.
  const ballots = page.getByRole("region", { name: "Ballots", exact: true });
  const beasBallot = ballots.getByRole("row").filter({ hasText: bea.name });
  await expect(beasBallot.getByRole("cell").nth(1)).toHaveText("no");
  await expectNoAxeViolations(page, browser, roundPath);

  // The minutes of the decision, from the record: followed by a link, print-ready.
  await page.getByRole("link", { name: "Minutes of this decision (print, Markdown, JSON)" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Decision on proposal");
  await expect(page.locator(".minutes .outcome")).toContainText("Not adopted: 1 yes of 2 counted");
  await expect(page.getByTestId("minutes-audit")).toContainText("The close is audit entry");
  await expectReflowsAt320(page, "a decision's minutes");
  await expectNoAxeViolations(page, browser, new URL(page.url()).pathname);
  await page.getByRole("link", { name: "Round 1", exact: true }).click();
  await expect(page.locator(".eyebrow")).toContainText("Closed");

  // A second proposal, decided by consent.
  const compost = "Compost bins";
  await publishProposal(other, org, compost, "We put two compost bins in the yard.");
  await openProposal(page, org.slug, compost);
  await startRound(page, compost, { Method: "Consent" }, "Adopted if nobody objects.");

  // Bea objects without a reason: refused, her position kept.
  await openRound(other, org.slug, compost);
  await other.getByRole("radio", { name: "I object", exact: true }).check();
  answer = await cast(other);
  expect(answer.status()).toBe(422);
  await expect(other.locator('[data-problem="objection_without_reason"]').first()).toContainText(
    "An objection must give a reason.",
  );
  forgiveStatusMessages(consoleErrors, 422);
  await expect(other.getByRole("radio", { name: "I object", exact: true })).toBeChecked();
  // With a reason it counts.
  await other.getByLabel("Reason", { exact: true }).fill("The bins attract rats.");
  answer = await cast(other);
  expect(answer.status()).toBe(303);
  await expect(other.getByRole("radio", { name: "I object", exact: true })).toBeChecked();
  await expect(other.getByRole("button", { name: "Change my ballot" })).toBeVisible();
  await second.context.close();
});

test("ranked ballots: instant runoff (selects without JavaScript, the keyboard list with it) and STV with two seats", async ({
  page,
  browser,
  consoleErrors,
}, testInfo) => {
  test.setTimeout(90_000);
  const { org, second, other } = await adaAndBea(
    page,
    browser,
    testInfo,
    consoleErrors,
    "Ranked Co-op",
  );
  const title = "Trees for the yard";
  await publishProposal(page, org, title, "We plant trees along the fence.");

  // Ada starts an instant-runoff round over three trees.
  await startRound(
    page,
    title,
    { Method: "Ranked choice (instant runoff)", "Options, one per line": TREES },
    "by instant runoff",
  );
  let answer;
  if (testInfo.project.name === "js-on") {
    // With JavaScript: a list ranked with the keyboard, each move announced.
    await page.getByRole("button", { name: "Rank Pine next" }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Rank Oak next" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("rank-announcement")).toHaveText("Oak is now choice 2.");
    await page.getByRole("button", { name: "Move Oak up" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("rank-announcement")).toHaveText("Oak is now choice 1.");
    // The focus stays on Oak's buttons, so the keyboard can go on moving it.
    await expect(page.getByRole("button", { name: "Move Oak down" })).toBeFocused();
    await expect(
      page.getByRole("list", { name: "Your ranking, first choice first" }).locator(".rank-name"),
    ).toHaveText(["1. Oak", "2. Pine"]);
  } else {
    // One select per choice; Oak at two ranks is refused, her choices kept.
    await expect(page.getByLabel("Choice 3", { exact: true })).toBeVisible();
    await page.getByLabel("Choice 1", { exact: true }).selectOption({ label: "Oak" });
    await page.getByLabel("Choice 2", { exact: true }).selectOption({ label: "Oak" });
    answer = await cast(page);
    expect(answer.status()).toBe(422);
    await expect(page.locator('[data-problem="duplicate_option"]').first()).toContainText(
      "“Oak” is chosen more than once",
    );
    forgiveStatusMessages(consoleErrors, 422);
    await expect(
      page.getByLabel("Choice 2", { exact: true }).locator("option:checked"),
    ).toHaveText("Oak");
    await page.getByLabel("Choice 2", { exact: true }).selectOption({ label: "Pine" });
  }
  answer = await cast(page);
  expect(answer.status()).toBe(303);
  await expect(page.getByRole("button", { name: "Change my ballot" })).toBeVisible();
  await expectReflowsAt320(page, "an open round, with the ballot and the facilitator's controls");

  // Bea ranks Pine first.
  await openRound(other, org.slug, title);
  await rank(other, testInfo, ["Pine", "Oak"]);
  answer = await cast(other);
  expect(answer.status()).toBe(303);

  // The co-op wants two trees after all: Ada cancels and starts an STV round for two seats.
  await cancelRound(page, title, "We can plant two trees, not one.");
  await startRound(
    page,
    title,
    {
      Method: "Single transferable vote (Scottish rules)",
      "Seats (single transferable vote)": "2",
      "Options, one per line": TREES,
    },
    "2 seats are filled by single transferable vote (the Scottish rules).",
  );
  await expect(page.locator(".eyebrow")).toContainText("Round 2");

  // Both put Oak first: its surplus moves on to their second choices.
  await rank(page, testInfo, ["Oak", "Pine"]);
  answer = await cast(page);
  expect(answer.status()).toBe(303);
  await openRound(other, org.slug, title, 2);
  await rank(other, testInfo, ["Oak", "Elm"]);
  answer = await cast(other);
  expect(answer.status()).toBe(303);

  // Everyone voted: Ada closes now. Oak is elected, and the count is shown stage by stage.
  answer = await closeNow(page);
  expect(answer.status()).toBe(303);
  await expect(page.locator(".outcome")).toHaveText(/^Decided: Oak, /);
  const stages = page.getByRole("table", { name: "Totals at each stage" });
  await expect(stages).toBeVisible();
  for (const tree of ["Oak", "Pine", "Elm"]) {
    await expect(stages.getByRole("rowheader", { name: tree, exact: true })).toBeVisible();
  }
  // What happened at each stage: Oak reaches the quota of 1 at once.
  const notes = page.getByRole("table", { name: "What happened at each stage" });
  await expect(notes.getByRole("columnheader", { name: "Quota" })).toBeVisible();
  await expect(notes.getByRole("row").nth(1).getByRole("cell").nth(1)).toHaveText("Oak");
  await expectReflowsAt320(page, "a closed STV round, with its stage table");
  await expectNoAxeViolations(page, browser, new URL(page.url()).pathname);
  await second.context.close();
});

test("points ballots: a dot vote over its points and quadratic over budget are refused with their totals", async ({
  page,
  browser,
  consoleErrors,
}, testInfo) => {
  test.setTimeout(90_000);
  const org = { name: `Points Co-op ${shortUnique(testInfo)}`, slug: shortUnique(testInfo) };
  await signUp(page, person(testInfo, "Ada"));
  await createOrganisation(page, org);
  const title = "Which trees to plant";
  await publishProposal(page, org, title, "We plant the trees the members like most.");

  // A dot vote: 10 points each, a number field per tree.
  await startRound(
    page,
    title,
    { Method: "Dot vote", "Points per member (dot vote)": "10", "Options, one per line": TREES },
    "Members share up to 10 points among the options; the highest total wins.",
  );
  await expect(
    page.getByRole("group", { name: "Share up to 10 points among the options." }),
  ).toBeVisible();
  await page.getByLabel("Oak", { exact: true }).fill("6");
  await page.getByLabel("Pine", { exact: true }).fill("5");
  if (testInfo.project.name === "js-on") {
    // The total and the rule it breaks show as the voter types, before casting.
    await expect(page.getByTestId("points-status")).toContainText("Points used: 11 of 10");
    await expect(page.getByTestId("points-status")).toContainText(
      "11 points given; each member has 10",
    );
  }
  let answer = await cast(page);
  expect(answer.status()).toBe(422);
  await expect(page.locator('[data-problem="points_over_budget"]').first()).toContainText(
    "11 points given; each member has 10",
  );
  forgiveStatusMessages(consoleErrors, 422);
  await expect(page.getByLabel("Oak", { exact: true })).toHaveValue("6");
  await expect(page.getByLabel("Pine", { exact: true })).toHaveValue("5");
  // 6 + 4 is within the points: accepted, and shown again.
  await page.getByLabel("Pine", { exact: true }).fill("4");
  answer = await cast(page);
  expect(answer.status()).toBe(303);
  await expect(page.getByLabel("Pine", { exact: true })).toHaveValue("4");
  await expect(page.getByRole("button", { name: "Change my ballot" })).toBeVisible();

  // Quadratic voting: 8² + 7² = 113 credits, over the 100.
  await cancelRound(page, title, "We try quadratic voting instead.");
  await startRound(
    page,
    title,
    {
      Method: "Quadratic voting",
      "Voice credits per member (quadratic)": "100",
      "Options, one per line": TREES,
    },
    "Each member has 100 voice credits (n votes for an option cost n²)",
  );
  await page.getByLabel("Oak", { exact: true }).fill("8");
  await page.getByLabel("Pine", { exact: true }).fill("7");
  answer = await cast(page);
  expect(answer.status()).toBe(422);
  await expect(page.locator('[data-problem="quadratic_over_budget"]').first()).toContainText(
    "This ballot costs 113 voice credits; each member has 100.",
  );
  forgiveStatusMessages(consoleErrors, 422);
  await expect(page.getByLabel("Oak", { exact: true })).toHaveValue("8");
  // 6² + 8² = 100 credits exactly: accepted.
  await page.getByLabel("Oak", { exact: true }).fill("6");
  await page.getByLabel("Pine", { exact: true }).fill("8");
  answer = await cast(page);
  expect(answer.status()).toBe(303);
  await expect(page.getByLabel("Oak", { exact: true })).toHaveValue("6");

  // Schulze: a rank per tree, two of them equal.
  await cancelRound(page, title, "We rank them instead.");
  await startRound(
    page,
    title,
    { Method: "Condorcet (Schulze)", "Options, one per line": TREES },
    "Members rank the options, equal ranks allowed; the Schulze method finds the winner.",
  );
  await page.getByLabel("Oak", { exact: true }).selectOption("1");
  await page.getByLabel("Pine", { exact: true }).selectOption("1");
  await page.getByLabel("Elm", { exact: true }).selectOption("2");
  answer = await cast(page);
  expect(answer.status()).toBe(303);
  await expect(page.getByLabel("Pine", { exact: true })).toHaveValue("1");
  await expect(page.getByLabel("Elm", { exact: true })).toHaveValue("2");

  // Closed early (Bea has not voted): the pairwise counts and the tie are on the page.
  answer = await closeNow(page, "Ada's ranking is enough for a test.");
  expect(answer.status()).toBe(303);
  const pairwise = page.getByRole("table", {
    name: "Ballots preferring the row’s option to the column’s",
  });
  const oak = pairwise.getByRole("row").filter({
    has: page.getByRole("rowheader", { name: "Oak", exact: true }),
  });
  await expect(oak.getByRole("cell")).toHaveText(["—", "0", "1"]);
  await expect(page.getByTestId("ties")).toContainText("Oak, Pine were tied for the win");
  await expectReflowsAt320(page, "a closed Schulze round, with its matrices");
  await expectNoAxeViolations(page, browser, new URL(page.url()).pathname);
});

test("a secret ballot gives a receipt that is found among the published ballots after the close", async ({
  page,
  browser,
  consoleErrors,
}, testInfo) => {
  test.setTimeout(90_000);
  const { bea, org, second, other } = await adaAndBea(
    page,
    browser,
    testInfo,
    consoleErrors,
    "Secret Co-op",
  );
  const title = "Paint the door red";
  await publishProposal(page, org, title, "We paint the front door red.");

  // Ada starts a secret majority round.
  await startRound(
    page,
    title,
    { Method: "Majority", "Secret ballot (final once cast, with a receipt code)": "on" },
    "Adopted if more than 1/2 of the votes for or against are yes.",
  );

  // Bea is told first that a secret ballot is final; she votes yes and gets a receipt.
  await openRound(other, org.slug, title);
  await expect(other.getByRole("main")).toContainText("once cast it is final");
  await other.getByRole("radio", { name: "Yes", exact: true }).check();
  let answer = await cast(other, "Cast my secret ballot (final)");
  expect(answer.status(), "the receipt is shown on the answer, once").toBe(201);
  const receipt = other.locator("[data-testid=receipt]");
  await expect(receipt).toBeVisible();
  const code = ((await receipt.textContent()) ?? "").trim();
  expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
  await expect(other.getByText("You have cast your secret ballot in this round.")).toBeVisible();
  await expect(other.getByRole("button", { name: "Cast my secret ballot (final)" })).toHaveCount(0);

  // Ada has not voted: closing now needs a reason.
  answer = await closeNow(page);
  expect(answer.status()).toBe(422);
  await expect(
    page.locator('[data-problem="round_early_close_needs_reason"]').first(),
  ).toBeVisible();
  forgiveStatusMessages(consoleErrors, 422);
  answer = await closeNow(page, "The painter comes tomorrow.");
  expect(answer.status()).toBe(303);
  await expect(page.locator(".eyebrow")).toContainText("Closed");
  await expect(page.locator("article.round")).toContainText("The painter comes tomorrow.");
  await expect(page.locator(".outcome")).toContainText("Adopted: 1 yes of 1 counted");

  // Bea looks her receipt up among the published ballots (a GET form).
  await openRound(other, org.slug, title);
  await other.getByLabel("Find your receipt code").fill(code);
  await other.getByRole("button", { name: "Find", exact: true }).click();
  await expect(other).toHaveURL(/[?&]receipt=/);
  await expect(other.getByTestId("receipt-lookup")).toContainText(
    `Receipt ${code} was counted as: yes`,
  );
  // The ballots are listed by receipt, never by name.
  const ballots = other.getByRole("region", { name: "Ballots", exact: true });
  await expect(ballots.getByRole("columnheader", { name: "Receipt code" })).toBeVisible();
  await expect(ballots.getByRole("row").filter({ hasText: code })).toContainText("yes");
  await expect(ballots).not.toContainText(bea.name);
  await second.context.close();
});
