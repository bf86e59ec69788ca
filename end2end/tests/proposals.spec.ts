// Proposals (issue #11), as two members write one together, with JavaScript on and off: a
// draft, a co-author, publishing, an edit by the co-author, a stale edit refused with the
// newer text and what changed (what was typed kept), revisions compared, amendments accepted
// and declined; axe on every page.
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
  person,
  shortUnique,
  signUp,
  submit,
} from "./fixtures";
import type { Page } from "@playwright/test";


/** Opens proposal `title` from the organisation's dashboard. */
async function openProposal(page: Page, slug: string, title: string) {
  // From home, so the list is the one as it is now.
  await clickBrand(page);
  await openDashboard(page, { name: "", slug });
  await page.getByRole("main").getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
}

test("two members draft, publish, revise, compare, discuss and amend a proposal", async ({
  page,
  browser,
  consoleErrors,
}, testInfo) => {
  const ada = person(testInfo, "Ada");
  const bea = person(testInfo, "Bea");
  const org = { name: `Proposal Co-op ${shortUnique(testInfo)}`, slug: shortUnique(testInfo) };
  await signUp(page, ada);
  await createOrganisation(page, org);
  const { link } = await createInvitation(page, org.slug, "Member", { how: "click" });

  const second = await joinInASecondBrowser(browser, testInfo, consoleErrors, link, bea);
  const other = second.page;
  await expect(other).toHaveURL(new RegExp(`/o/${org.slug}$`));

  // Ada drafts.
  await openDashboard(page, org);
  await page.getByRole("main").getByRole("link", { name: "New proposal" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("New proposal");
  const title = "Buy a cargo bike";
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Summary").fill("One shared cargo bike for deliveries.");
  await page.getByLabel("Proposal", { exact: true }).fill("We buy **one** cargo bike.\n\n- for deliveries\n- for the market");
  let answer = await submit(page, page.getByRole("button", { name: "Save draft" }));
  expect(answer.status()).toBe(303);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.locator(".eyebrow")).toContainText("Draft");
  await expect(page.locator(".markdown strong")).toHaveText("one");

  // A draft is its authors' alone: Bea does not see it in the list yet.
  await openDashboard(other, org);
  await expect(other.getByRole("main").getByRole("link", { name: title })).toHaveCount(0);

  // Ada makes Bea a co-author and publishes.
  await page.getByLabel("Add a co-author").selectOption({ label: bea.name });
  answer = await submit(page, page.getByRole("button", { name: "Add", exact: true }));
  expect(answer.status()).toBe(303);
  await expect(page.locator(".facts")).toContainText(`${ada.name}, ${bea.name}`);
  answer = await submit(page, page.getByRole("button", { name: "Publish for discussion" }));
  expect(answer.status()).toBe(303);
  await expect(page.locator(".eyebrow")).toContainText("In discussion");
  await expect(page.getByRole("link", { name: "Revision 1" }).first()).toBeVisible();

  // Ada opens the edit form; meanwhile Bea saves revision 2.
  await page.getByRole("link", { name: "Edit proposal" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Edit proposal");

  await openProposal(other, org.slug, title);
  await other.getByRole("link", { name: "Edit proposal" }).click();
  await other
    .getByLabel("Proposal", { exact: true })
    .fill("We buy **one** electric cargo bike.\n\n- for deliveries\n- for the market");
  await other.getByLabel("What changed").fill("Electric");
  answer = await submit(other, other.getByRole("button", { name: "Save" }));
  expect(answer.status()).toBe(303);
  await expect(other.getByRole("main")).toContainText("Revision 2");

  // Ada's edit started from revision 1: refused, the newer text and the change shown, her
  // text kept.
  const adas = "We buy **two** cargo bikes.\n\n- for deliveries\n- for the market";
  await page.getByLabel("Proposal", { exact: true }).fill(adas);
  answer = await submit(page, page.getByRole("button", { name: "Save" }));
  expect(answer.status()).toBe(422);
  forgiveStatusMessages(consoleErrors, 422);
  await expect(page.locator('[data-problem="edit_conflict"]').first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Someone saved a newer version" })).toBeVisible();
  await expect(page.locator(".conflict ins").first()).toContainText("electric");
  await expect(page.getByLabel("Proposal", { exact: true })).toHaveValue(adas);
  // Having seen it, she saves again: revision 3.
  answer = await submit(page, page.getByRole("button", { name: "Save" }));
  expect(answer.status()).toBe(303);
  await expect(page.locator(".markdown strong")).toHaveText("two");

  // The history compares revisions word by word.
  await page.getByRole("link", { name: "Compare the latest revision with the one before" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Revision 2 compared with revision 3",
  );
  const deleted = (await page.locator(".diff del").allTextContents()).join(" ");
  const inserted = (await page.locator(".diff ins").allTextContents()).join(" ");
  expect(deleted).toContain("one");
  expect(deleted).toContain("electric");
  expect(inserted).toContain("two");
  // Other revisions by the form (a GET form: works without JavaScript).
  await page.getByLabel("From").selectOption("1");
  await page.getByRole("button", { name: "Compare", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Revision 1 compared with revision 3",
  );
  await page.getByRole("link", { name: title }).click();
  await page.getByRole("link", { name: "Revision 1" }).last().click();
  await expect(page.getByText("This is an earlier revision.")).toBeVisible();
  await expect(page.locator(".markdown strong")).toHaveText("one");

  // Bea comments, Ada replies.
  await openProposal(other, org.slug, title);
  await other.getByLabel("Your comment", { exact: true }).fill("Where do we park it?");
  answer = await submit(other, other.getByRole("button", { name: "Post comment" }));
  expect(answer.status()).toBe(303);
  await openProposal(page, org.slug, title);
  await page.locator("li.comment").first().getByRole("link", { name: "Reply" }).click();
  await page.getByLabel("Your comment", { exact: true }).fill("In the yard.");
  answer = await submit(page, page.getByRole("button", { name: "Post comment" }));
  expect(answer.status()).toBe(303);
  await expect(page.locator("li.comment.depth-1")).toContainText("In the yard.");

  // Bea proposes an amendment; Ada accepts it as revision 4, credited to Bea.
  await openProposal(other, org.slug, title);
  await other.getByRole("link", { name: "Propose an amendment" }).click();
  await other
    .getByLabel("Proposal", { exact: true })
    .fill("We buy **two** cargo bikes.\n\n- for deliveries\n- for the market\n- parked in the yard");
  await other.getByLabel("Why this change").fill("Say where they stay.");
  answer = await submit(other, other.getByRole("button", { name: "Propose amendment" }));
  expect(answer.status()).toBe(303);
  await openProposal(page, org.slug, title);
  await page.locator(".amendments").getByRole("link", { name: "Amendment 1" }).click();
  answer = await submit(page, page.getByRole("button", { name: "Accept amendment" }));
  expect(answer.status()).toBe(303);
  await page.getByRole("link", { name: title }).click();
  await expect(page.locator("article .markdown")).toContainText("parked in the yard");
  await expect(page.locator(".history li").first()).toContainText(bea.name);
  await expect(page.locator(".history li").first()).toContainText("Amendment 1");
  await second.context.close();
});

test("a withdrawn proposal shows its reason, and a broken rule keeps what was typed", async ({
  page,
  consoleErrors,
}, testInfo) => {
  const org = { name: `Withdraw Co-op ${shortUnique(testInfo)}`, slug: shortUnique(testInfo) };
  await signUp(page, person(testInfo, "Cy"));
  await createOrganisation(page, org);
  await page.getByRole("main").getByRole("link", { name: "New proposal" }).click();
  const longTitle = "t".repeat(201);
  await page.getByLabel("Title").fill(longTitle);
  await page.getByLabel("Proposal", { exact: true }).fill("Body kept");
  const refused = await submit(page, page.getByRole("button", { name: "Save draft" }));
  expect(refused.status()).toBe(422);
  forgiveStatusMessages(consoleErrors, 422);
  await expect(page.locator('[data-problem="text_length"]').first()).toContainText("200");
  await expect(page.getByLabel("Proposal", { exact: true })).toHaveValue("Body kept");
  await page.getByLabel("Title").fill("Move the market to Saturdays");
  await submit(page, page.getByRole("button", { name: "Save draft" }));
  await submit(page, page.getByRole("button", { name: "Publish for discussion" }));
  // A reason is required (the field says so; the server's refusal is an integration test).
  await expect(page.getByLabel("Why it is withdrawn")).toHaveAttribute("required", "");
  await page.getByLabel("Why it is withdrawn").fill("The council moved the market first.");
  const answer = await submit(page, page.getByRole("button", { name: "Withdraw the proposal" }));
  expect(answer.status()).toBe(303);
  await expect(page.locator(".eyebrow")).toContainText("Withdrawn");
  await expect(page.locator('[data-state="withdrawn"]')).toContainText(
    "The council moved the market first.",
  );
  await expect(page.getByRole("button", { name: "Withdraw the proposal" })).toHaveCount(0);
});

test("the proposal pages have no accessibility violations", async ({ page, browser }, testInfo) => {
  const org = { name: `Axe Co-op ${shortUnique(testInfo)}`, slug: shortUnique(testInfo) };
  await signUp(page, person(testInfo, "Dee"));
  await createOrganisation(page, org);
  await page.getByRole("main").getByRole("link", { name: "New proposal" }).click();
  await page.getByLabel("Title").fill("Accessible proposal");
  await page.getByLabel("Proposal", { exact: true }).fill("# Heading\n\nA [link](https://example.org).\n\n| a | b |\n|---|---|\n| 1 | 2 |");
  await submit(page, page.getByRole("button", { name: "Save draft" }));
  await submit(page, page.getByRole("button", { name: "Publish for discussion" }));
  await page.getByRole("link", { name: "Edit proposal" }).click();
  await page.getByLabel("Proposal", { exact: true }).fill("# Heading\n\nA changed [link](https://example.org).");
  await submit(page, page.getByRole("button", { name: "Save" }));
  const base = new URL(page.url()).pathname;
  await page.getByLabel("Your comment", { exact: true }).fill("A comment with a [link](https://example.org).");
  await submit(page, page.getByRole("button", { name: "Post comment" }));
  await page.getByRole("link", { name: "Reply" }).first().click();
  await page.getByLabel("Your comment", { exact: true }).fill("A reply.");
  await submit(page, page.getByRole("button", { name: "Post comment" }));
  const editComment = await page
    .getByRole("link", { name: "Edit comment" })
    .first()
    .getAttribute("href");
  await page.getByRole("link", { name: "Propose an amendment" }).click();
  await page.getByLabel("Proposal", { exact: true }).fill("# Heading\n\nAn amended [link](https://example.org).");
  await page.getByLabel("Why this change").fill("Clearer.");
  await submit(page, page.getByRole("button", { name: "Propose amendment" }));
  for (const path of [
    editComment!,
    editComment!.replace(/\/edit$/, "/delete"),
    editComment!.replace(/\/edit$/, "/hide"),
    `/o/${org.slug}`,
    `/o/${org.slug}/proposals/new`,
    base,
    `${base}/edit`,
    `${base}/r/1`,
    `${base}/compare`,
    `${base}/amendments/new`,
    `${base}/a/1`,
  ]) {
    const violations = await axeViolationsInSchemes(page, browser, path, ["light", "dark"], {
      reuseCookies: true,
    });
    expect(violations.light, `${path} (light)`).toEqual([]);
    expect(violations.dark, `${path} (dark)`).toEqual([]);
  }
});

test("members discuss a proposal: preview, comment, reply, edit, hide, delete", async ({
  page,
}, testInfo) => {
  const ada = person(testInfo, "Ada");
  const org = { name: `Talk Co-op ${shortUnique(testInfo)}`, slug: shortUnique(testInfo) };
  await signUp(page, ada);
  await createOrganisation(page, org);
  await page.getByRole("main").getByRole("link", { name: "New proposal" }).click();
  await page.getByLabel("Title").fill("Shared tools library");
  await page.getByLabel("Proposal", { exact: true }).fill("We lend tools to each other.");
  await submit(page, page.getByRole("button", { name: "Save draft" }));
  await submit(page, page.getByRole("button", { name: "Publish for discussion" }));

  // The preview is rendered on the server; nothing is posted until "Post comment".
  await page.getByLabel("Your comment", { exact: true }).fill("I **like** it.");
  let answer = await submit(page, page.getByRole("button", { name: "Preview" }));
  expect(answer.status()).toBe(201);
  await expect(page.locator(".preview .markdown strong")).toHaveText("like");
  await expect(page.getByLabel("Your comment", { exact: true })).toHaveValue("I **like** it.");
  await expect(page.locator("li.comment")).toHaveCount(0);
  answer = await submit(page, page.getByRole("button", { name: "Post comment" }));
  expect(answer.status()).toBe(303);
  const first = page.locator("li.comment").first();
  await expect(first.locator(".markdown strong")).toHaveText("like");

  // A reply, by its link (it works without JavaScript).
  await first.getByRole("link", { name: "Reply" }).click();
  await expect(page.getByText(`Replying to ${ada.name}`)).toBeVisible();
  await page.getByLabel("Your comment", { exact: true }).fill("Who keeps the drill?");
  await submit(page, page.getByRole("button", { name: "Post comment" }));
  const reply = page.locator("li.comment.depth-1");
  await expect(reply).toContainText("Who keeps the drill?");

  // Editing keeps the earlier text.
  await first.getByRole("link", { name: "Edit comment" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Edit comment");
  await page.getByLabel("Your comment", { exact: true }).fill("I **really** like it.");
  await submit(page, page.getByRole("button", { name: "Save" }));
  await expect(first.locator(".edited")).toBeVisible();
  await first.getByText("Earlier versions").click();
  await expect(first.locator(".earlier")).toContainText("I like it.");

  // A facilitator (Ada is the admin) hides the reply with a reason.
  await reply.getByRole("link", { name: "Hide comment" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hide comment");
  await expect(page.locator(".quoted")).toContainText("Who keeps the drill?");
  await page.getByLabel("Why it is hidden").fill("Off topic");
  await submit(page, page.getByRole("button", { name: "Hide comment" }));
  await expect(page.locator("li.comment.depth-1 .removed")).toContainText("Off topic");

  // Deleting asks first: a dialog with JavaScript, a page without.
  if (testInfo.project.use.javaScriptEnabled !== false) {
    page.once("dialog", (dialog) => void dialog.accept());
    await submit(page, first.getByRole("button", { name: "Delete comment" }));
  } else {
    await submit(page, first.getByRole("button", { name: "Delete comment" }));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Delete this comment?");
    await submit(page, page.getByRole("main").getByRole("button", { name: "Delete comment" }));
  }
  await expect(page.locator("li.comment").first().locator(".removed")).toHaveText(
    "Comment deleted.",
  );
  await expect(page.locator("li.comment.depth-1")).toHaveCount(1);
});

test("a member amends a proposal: one amendment accepted, another declined", async ({
  page,
  browser,
  consoleErrors,
}, testInfo) => {
  const ada = person(testInfo, "Ada");
  const bea = person(testInfo, "Bea");
  const org = { name: `Amend Co-op ${shortUnique(testInfo)}`, slug: shortUnique(testInfo) };
  await signUp(page, ada);
  await createOrganisation(page, org);
  const { link } = await createInvitation(page, org.slug, "Member", { how: "click" });
  const second = await joinInASecondBrowser(browser, testInfo, consoleErrors, link, bea);
  const other = second.page;

  // Ada publishes a proposal.
  await openDashboard(page, org);
  await page.getByRole("main").getByRole("link", { name: "New proposal" }).click();
  const title = "Open the garden on Sundays";
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Proposal", { exact: true }).fill("The garden opens on Sundays from 10 to 16.");
  await submit(page, page.getByRole("button", { name: "Save draft" }));
  await submit(page, page.getByRole("button", { name: "Publish for discussion" }));

  // Bea proposes an amendment: the form starts from the latest text.
  await openProposal(other, org.slug, title);
  await other.getByRole("link", { name: "Propose an amendment" }).click();
  await expect(other.getByRole("heading", { level: 1 })).toHaveText("Propose an amendment");
  const body = other.getByLabel("Proposal", { exact: true });
  await expect(body).toHaveValue("The garden opens on Sundays from 10 to 16.");
  await body.fill("The garden opens on Sundays from 9 to 18.");
  await other.getByLabel("Why this change").fill("Families come early.");
  let answer = await submit(other, other.getByRole("button", { name: "Propose amendment" }));
  expect(answer.status()).toBe(303);
  await expect(other.getByRole("heading", { level: 1 })).toHaveText("Amendment 1");
  const inserted = (await other.locator(".diff ins").allTextContents()).join(" ");
  expect(inserted).toContain("9");
  expect(inserted).toContain("18");
  await expect(other.getByRole("button", { name: "Accept amendment" })).toHaveCount(0);

  // Ada, the author, accepts it from the proposal's list.
  await openProposal(page, org.slug, title);
  await page.locator(".amendments").getByRole("link", { name: "Amendment 1" }).click();
  answer = await submit(page, page.getByRole("button", { name: "Accept amendment" }));
  expect(answer.status()).toBe(303);
  await expect(page.locator(".eyebrow")).toContainText("Accepted");
  await page.getByRole("link", { name: "Revision 2" }).click();
  await expect(page.locator(".eyebrow")).toContainText(bea.name);
  await expect(page.locator(".markdown")).toContainText("from 9 to 18");

  // A second amendment, declined with a reason that stays visible.
  await openProposal(other, org.slug, title);
  await other.getByRole("link", { name: "Propose an amendment" }).click();
  await other.getByLabel("Proposal", { exact: true }).fill("The garden opens every day from 9 to 18.");
  await other.getByLabel("Why this change").fill("Why not every day?");
  await submit(other, other.getByRole("button", { name: "Propose amendment" }));
  await expect(other.getByRole("heading", { level: 1 })).toHaveText("Amendment 2");
  await openProposal(page, org.slug, title);
  await page.locator(".amendments").getByRole("link", { name: "Amendment 2" }).click();
  await page.getByLabel("Why it is declined").fill("Nobody can open it on weekdays.");
  answer = await submit(page, page.getByRole("button", { name: "Decline amendment" }));
  expect(answer.status()).toBe(303);
  await expect(page.locator('[data-state="declined"]')).toContainText("Nobody can open it on weekdays.");
  await openProposal(other, org.slug, title);
  await expect(other.locator(".amendments")).toContainText("Declined");
  await expect(other.locator(".amendments")).toContainText("Accepted");
  await second.context.close();
});

test("a member searches the organisation and follows a result to the comment", async ({
  page,
  browser,
}, testInfo) => {
  const org = { name: `Search Co-op ${shortUnique(testInfo)}`, slug: shortUnique(testInfo) };
  await signUp(page, person(testInfo, "Sol"));
  await createOrganisation(page, org);
  await page.getByRole("main").getByRole("link", { name: "New proposal" }).click();
  await page.getByLabel("Title").fill("Rainwater tanks");
  await page.getByLabel("Proposal", { exact: true }).fill("Two tanks collect rain from the roof.");
  await submit(page, page.getByRole("button", { name: "Save draft" }));
  await submit(page, page.getByRole("button", { name: "Publish for discussion" }));
  await page.getByLabel("Your comment", { exact: true }).fill("The **gutters** need cleaning first.");
  await submit(page, page.getByRole("button", { name: "Post comment" }));

  await page.getByRole("link", { name: org.name }).click();
  await page.getByLabel("Search proposals and comments").fill("Gutters cleaning");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Results for “Gutters cleaning”");
  const results = page.locator(".search-results > li");
  await expect(results).toHaveCount(1);
  await expect(results.locator("mark")).toHaveText(["gutters", "cleaning"]);
  await expect(page.getByLabel("Search proposals and comments")).toHaveValue("Gutters cleaning");
  const found = new URL(page.url());
  const violations = await axeViolationsInSchemes(
    page,
    browser,
    found.pathname + found.search,
    ["light", "dark"],
    { reuseCookies: true },
  );
  expect(violations.light).toEqual([]);
  expect(violations.dark).toEqual([]);
  await results.getByRole("link", { name: "Rainwater tanks" }).click();
  await expect(page).toHaveURL(/#comment-/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Rainwater tanks");

  await page.getByRole("link", { name: org.name }).click();
  await page.getByLabel("Search proposals and comments").fill("snow");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.getByText("Nothing found.")).toBeVisible();
});
