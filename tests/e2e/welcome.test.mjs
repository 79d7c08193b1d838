// First run in a brand-new browser profile: the welcome screen's three ways in. The demo path makes the demo
// business (marked as such, kept across a reload) and leaving it starts a new, empty ledger; the own-ledger
// path sets the company's details and goes on to the customers. Screenshots go to $DUEBOOK_ARTIFACTS
// (welcome-*.png).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
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

const shot = (name) => page.screenshot({ path: path.join(artifacts, `welcome-${name}.png`) });

test("a new profile opens on the welcome screen; the demo is made, marked, kept and left", async () => {
  await waitItem(page, "welcome.demo");
  const first = await state(page);
  assert.equal(first.welcome, true);
  assert.equal(first.customers, 0);
  assert.ok((await items(page))["welcome.start"], "the own-ledger way in is offered");
  await shot("screen");

  const began = Date.now();
  await clickItem(page, "welcome.demo");
  const made = await waitFor(page, (s) => s.demo === true && s.customers >= 30, "the demo to be made", 60000);
  console.log(`demo made in ${Date.now() - began} ms: ${made.customers} customers, ${made.invoices} invoices`);
  assert.ok(made.invoices > 400);
  assert.match(made.status, /^Made the demo: 32 customers/);
  await waitItem(page, "demo.banner");
  await clickItem(page, "tab.today");
  await waitFor(page, (s) => s.today.entries.length > 0, "work on today's list");
  await shot("demo-today");
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

test("starting one's own ledger sets the company's details and goes on to the customers", async () => {
  await waitItem(page, "welcome.start");
  await clickItem(page, "welcome.start");  // no name yet: refused beside the field
  assert.equal((await state(page)).welcome, true);
  await clickItem(page, "welcome.company");
  await typeText(page, "Hart & Co Joinery Ltd");
  await clickItem(page, "welcome.sender");
  await typeText(page, "Sam Hart");
  await shot("own-ledger-typed");
  await clickItem(page, "welcome.start");
  const s = await waitFor(page, (x) => x.welcome === false && x.events > 0, "the company details to be kept");
  assert.equal(s.undo, "Set the company details for collection messages");
  assert.equal(s.demo, false);
  await waitItem(page, "customer.name");  // the Customers tab is in front
  await shot("own-ledger");
});
