// First run in a brand-new browser profile: the welcome screen's three ways in. The demo path makes the demo
// business (marked as such, kept across a reload) and leaving it starts a new, empty ledger; the own-ledger
// path, for a UK and a German company, sets the company's details and its country's defaults (currency,
// terms, interest policy, and the UK's collections policy) and goes on to the customers, whose form starts
// from them; a "?" explains a screen. Screenshots go to $DUEBOOK_ARTIFACTS (welcome-*.png) and, for the guide, to docs/img/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { artifacts, clickItem, freshSession, items, state, typeText, waitFor, waitItem, waitReady,
  waitSaved } from "./helpers.mjs";

let session, page;

before(async () => {
  session = await freshSession("welcome");
  ({ page } = session);
});

after(async () => {
  if (session) await session.close();
});

const docsImg = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "docs", "img");

// Saves a screenshot of `p` as welcome-NAME.png in the artifacts, and as docs/img/DOC when given.
async function shot(name, doc, p = page) {
  const file = path.join(artifacts, `welcome-${name}.png`);
  await p.screenshot({ path: file });
  if (doc) {
    mkdirSync(docsImg, { recursive: true });
    copyFileSync(file, path.join(docsImg, doc));
  }
}

// Clicks `name` until `shown` is drawn: a click can land on the frame a newly opened window is laid out in.
async function clickUntil(p, name, shown) {
  for (let i = 0; i < 5 && !(await items(p))[shown]; ++i) {
    await clickItem(p, name);
    await p.waitForTimeout(150);
  }
  await waitItem(p, shown);
}

// Waits until Esc has closed the help popup.
async function helpClosed(p) {
  for (const start = Date.now(); (await items(p))["help.popup"];) {
    assert.ok(Date.now() - start < 2000, "Esc closes the help popup");
    await p.waitForTimeout(50);
  }
}

// Takes the own-ledger path on page `p`: name, country, signer; returns the state once the details and the
// country's defaults are kept and the Customers tab is in front.
async function startOwnLedger(p, company, country, sender) {
  await clickItem(p, "welcome.company");
  await typeText(p, company);
  await clickItem(p, "welcome.country");
  await typeText(p, country);
  await clickItem(p, "welcome.sender");
  await typeText(p, sender);
  await clickItem(p, "welcome.start");
  const s = await waitFor(p, (x) => x.welcome === false && x.undo === "Set the company's defaults",
    "the company details and the country's defaults to be kept");
  await waitItem(p, "customer.name");  // the Customers tab is in front
  return waitFor(p, (x) => x.customer_list.draft.currency === s.defaults.currency,
    "the new-customer form to start from the defaults");
}

test("a new profile opens on the welcome screen; the demo is made, marked, kept and left", async () => {
  await waitItem(page, "welcome.demo");
  const first = await state(page);
  assert.equal(first.welcome, true);
  assert.equal(first.customers, 0);
  assert.ok((await items(page))["welcome.start"], "the own-ledger way in is offered");
  await shot("new-profile");

  const began = Date.now();
  await clickItem(page, "welcome.demo");
  const made = await waitFor(page, (s) => s.demo === true && s.customers >= 30, "the demo to be made", 60000);
  console.log(`demo made in ${Date.now() - began} ms: ${made.customers} customers, ${made.invoices} invoices`);
  assert.ok(made.invoices > 400);
  assert.match(made.status, /^Made the demo: 32 customers/);
  await waitItem(page, "demo.banner");
  await clickItem(page, "tab.today");
  await waitFor(page, (s) => s.today.entries.length > 0, "work on today's list");
  await shot("demo-today", "first-run-demo.png");
  await waitSaved(page, 30000);

  // Kept across a reload, still marked.
  await page.reload();
  await waitReady(page);
  await waitFor(page, (s) => s.demo === true && s.customers === made.customers, "the demo after a reload");
  await waitItem(page, "demo.banner");

  // Leaving asks once more, then starts a new, empty ledger on the welcome screen.
  await clickItem(page, "demo.leave");
  assert.equal((await state(page)).demo, true, "one click only arms the button");
  await Promise.all([page.waitForEvent("load", { timeout: 30000 }), clickItem(page, "demo.leave")]);
  await waitReady(page);
  const left = await waitFor(page, (s) => s.welcome === true, "the welcome screen of a new ledger");
  assert.equal(left.customers, 0);
  assert.equal(left.demo, false);
  assert.equal(left.events, 0);
});

test("a UK company's own ledger: the Late Payment Act, GBP, Net 30; the form starts from them", async () => {
  await waitItem(page, "welcome.start");
  await clickItem(page, "welcome.start");  // nothing typed: refused beside the fields
  assert.equal((await state(page)).welcome, true);
  assert.ok((await items(page))["welcome.country_summary"]);
  await shot("screen", "welcome.png");
  const s = await startOwnLedger(page, "Hart & Co Joinery Ltd", "United Kingdom", "Sam Hart");
  assert.equal(s.demo, false);
  assert.deepEqual(s.defaults, { country: "GB", currency: "GBP", terms: "Net 30", invoice_series: "INV",
    credit_note_series: "CN", interest_policy: "uk-late-payment",
    policy: "United Kingdom (letter of claim, 30 days)" });
  assert.equal(s.customer_list.draft.terms, "Net 30");
  await shot("own-ledger-uk", "first-run-uk.png");

  // The "?" of the tab bar explains the screen in front.
  await clickItem(page, "help.tab");
  await waitItem(page, "help.popup.customers");
  await shot("help-customers");
  await page.keyboard.press("Escape");
  await helpClosed(page);

  // A new ledger: every list says what it will hold and what to do next.
  for (const tab of ["invoices", "payments", "today", "dashboard", "customers"]) {
    await clickItem(page, `tab.${tab}`);
    await waitItem(page, `${tab}.empty`, 3000);
  }
  await shot("empty-customers");
});

test("a German company's own ledger: the EU Directive, EUR; Settings shows them; the aging help", async () => {
  const de = await freshSession("welcome-de");
  try {
    const p = de.page;
    await waitItem(p, "welcome.country");
    const s = await startOwnLedger(p, "Holzwerk Becker GmbH", "Germany", "Jana Becker");
    assert.deepEqual(s.defaults, { country: "DE", currency: "EUR", terms: "Net 30", invoice_series: "INV",
      credit_note_series: "CN", interest_policy: "eu-late-payment", policy: "Standard" });
    await shot("own-ledger-de", "first-run-de.png", p);
    await clickItem(p, "tab.reports");
    await clickItem(p, "help.aging");
    await waitItem(p, "help.popup.aging");
    await shot("help-aging", "help-aging.png", p);
    await p.keyboard.press("Escape");
    await helpClosed(p);
    await clickItem(p, "menu.file");
    await clickItem(p, "menu.settings");
    await clickUntil(p, "settings.tab_defaults", "settings.next_invoice");
    await shot("settings-defaults-de", "settings-defaults.png", p);
    await clickUntil(p, "settings.tab_interest", "settings.policy_eu");
    await shot("settings-interest-de", "settings-interest.png", p);
    // A new ECB rate, added from its day on.
    await clickItem(p, "settings.rate_ecb");
    await clickItem(p, "settings.rate_from");
    await typeText(p, "2026-12-10");
    await clickItem(p, "settings.rate_percent");
    await typeText(p, "1.90");
    await clickItem(p, "settings.rate_add");
    const added = await waitFor(p, (x) => x.undo === "Add the ECB rate of 1.90 % from 2026-12-10",
      "the new rate to be kept");
    assert.equal(added.defaults.interest_policy, "eu-late-payment");
  } finally {
    await de.close();
  }
});
