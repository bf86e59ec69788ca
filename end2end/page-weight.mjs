// Measures what a first visit costs: every resource a page loads in a fresh browser (empty
// cache), in bytes as they came over the wire (compressed) and as files, for the home page
// signed out and the members page signed in. Run through scripts/page-weight.sh.
//   node page-weight.mjs BASE_URL EMAIL PASSWORD MEMBERS_PATH
import { chromium } from "playwright-core";

const [base, email, password, membersPath] = process.argv.slice(2);
const budget = 300 * 1024;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});

async function measure(label, path, cookies) {
  const context = await browser.newContext();
  if (cookies) await context.addCookies(cookies);
  const page = await context.newPage();
  const rows = [];
  page.on("requestfinished", async (request) => {
    const response = await request.response();
    const sizes = await request.sizes();
    const headers = response ? await response.allHeaders() : {};
    rows.push({
      url: new URL(request.url()).pathname,
      wire: sizes.responseBodySize + sizes.responseHeadersSize,
      encoding: headers["content-encoding"] ?? "identity",
    });
  });
  await page.goto(base + path);
  await page.waitForLoadState("networkidle");
  await context.close();
  const total = rows.reduce((sum, row) => sum + row.wire, 0);
  console.log(`\n${label} (${path}): ${(total / 1024).toFixed(1)} KB over the wire, first visit`);
  for (const row of rows.sort((a, b) => b.wire - a.wire)) {
    console.log(`  ${(row.wire / 1024).toFixed(1).padStart(8)} KB  ${row.encoding.padEnd(8)} ${row.url}`);
  }
  console.log(total <= budget ? "  within the 300 KB budget" : "  OVER the 300 KB budget");
  return total;
}

async function signedInCookies() {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(base + "/signin");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForLoadState("load");
  const cookies = await context.cookies();
  await context.close();
  return cookies;
}

const home = await measure("Home page, signed out", "/");
const members = await measure("Members page, signed in", membersPath, await signedInCookies());
await browser.close();
process.exit(home <= budget && members <= budget ? 0 : 1);
