// Browser end-to-end test of the keyboard in the workbench's tables, on the demo ledger at 1280×720: Ctrl+F
// reaches the Customers search and typing filters the list; Escape leaves the field keeping the filter; the
// arrow keys, End and Home move the highlighted row and Enter opens the customer's page. The same on the
// Invoices tab opens an invoice; on Payments the filter and Enter open the payer's page; History goes to an
// event number and shows the event; the aging lists a customer's invoices and opens one (Escape closes the
// list); Ctrl+F finds the statement's customer; the charges booked open their invoice; the Dashboard's top
// ten, the collection measures and a customer's open invoices open their rows. Screenshots go to
// $DUEBOOK_ARTIFACTS (keys-*.png).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { artifacts, clickItem, openContext, startServer, state, typeText, waitFor, waitItem, waitReady }
  from "./helpers.mjs";

let server, url, profile, context, page;

before(async () => {
  ({ url, process: server } = await startServer());
  profile = mkdtempSync(path.join(tmpdir(), "duebook-keys-"));
  context = await openContext(profile, url, { viewport: { width: 1280, height: 720 } });
  page = context.pages()[0] || await context.newPage();
  page.on("pageerror", (e) => console.error("page error:", e.message));
  await page.goto(url);
  await waitReady(page);
});

after(async () => {
  if (context) await context.close();
  if (server) server.kill();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

const shot = (name) => page.screenshot({ path: path.join(artifacts, `keys-${name}.png`) });
const has = (name, fragment) => name.toLowerCase().includes(fragment.toLowerCase());

// Presses `key` `times` times.
async function press(key, times = 1) {
  for (let i = 0; i < times; ++i) await page.keyboard.press(key);
}

// A three-letter piece of some customer's name that a few customers share, but not all of them.
function fragmentOf(names) {
  for (const name of names)
    for (let i = 0; i + 3 <= name.length; ++i) {
      const f = name.slice(i, i + 3);
      if (!/^[A-Za-z]{3}$/.test(f)) continue;
      const n = names.filter((x) => has(x, f)).length;
      if (n >= 3 && n <= names.length / 2) return f;
    }
  throw new Error(`no shared fragment among ${JSON.stringify(names)}`);
}

test("the demo ledger is made", async () => {
  await clickItem(page, "welcome.demo");
  const s = await waitFor(page, (x) => x.demo === true && x.customers >= 30, "the demo to be made", 60000);
  assert.ok(s.invoices > 30, `the demo has invoices (${s.invoices})`);
});

test("Ctrl+F then typing filters the Customers list; the arrows and Enter open a customer's page", async () => {
  await clickItem(page, "tab.customers");
  let s = await waitFor(page, (x) => x.customer_list.count >= 30 && x.customer_list.rows.length >= 30,
    "the whole customer list");
  const all = s.customer_list.rows.map((r) => r.name);
  const fragment = fragmentOf(all);
  const expected = all.filter((n) => has(n, fragment));
  assert.equal(s.customer_list.cursor, -1, "no row is highlighted before a key");

  await press("Control+F");
  await typeText(page, fragment);
  s = await waitFor(page, (x) => x.customer_list.search === fragment && x.customer_list.count === expected.length,
    `the list filtered by "${fragment}"`);
  assert.deepEqual(s.customer_list.rows.map((r) => r.name).sort(), [...expected].sort(),
    "exactly the customers whose names hold the fragment");
  await shot("customers-filtered");

  // The arrows do nothing while the field has the keyboard; Escape gives it back, keeping the filter.
  await press("Escape");
  await press("ArrowDown", 3);
  await press("ArrowUp");
  s = await waitFor(page, (x) => x.customer_list.cursor === 1, "the cursor on the second row");
  assert.equal(s.customer_list.search, fragment, "Escape left the search with its text");
  await press("End");
  await waitFor(page, (x) => x.customer_list.cursor === expected.length - 1, "End: the cursor on the last row");
  await press("Home");
  await waitFor(page, (x) => x.customer_list.cursor === 0, "Home: the cursor on the first row");
  await press("ArrowDown");
  s = await waitFor(page, (x) => x.customer_list.cursor === 1, "the cursor back on the second row");
  const target = s.customer_list.rows[1];
  await page.waitForTimeout(150);
  await shot("customers-cursor");

  await press("Enter");
  s = await waitFor(page, (x) => x.customer_page.id === target.id, `${target.name}'s page`);
  assert.equal(s.customer_page.name, target.name);
  await page.waitForTimeout(150);
  await shot("customer-page");
});

test("on the Invoices tab Ctrl+F, a customer's name, the arrows and Enter open an invoice", async () => {
  await clickItem(page, "tab.invoices");
  let s = await waitFor(page, (x) => x.invoice_list.count > 0 && x.invoice_list.rows.length > 0, "the invoices");
  const customer = s.invoice_list.rows.find((r) => r.customer).customer;
  const fragment = customer.slice(0, 6);
  const total = s.invoice_list.count;

  await press("Control+F");
  await typeText(page, fragment);
  s = await waitFor(page, (x) => x.invoice_list.search === fragment && x.invoice_list.count < total &&
    x.invoice_list.rows.length >= 2, `the invoices found by "${fragment}"`);
  for (const r of s.invoice_list.rows)
    assert.ok(has(r.customer, fragment) || has(r.number, fragment), `${r.number} (${r.customer}) matches`);
  assert.equal(s.invoice_list.cursor, -1, "no row is highlighted before a key");

  // Down leaves the field too; the next Down moves the cursor.
  await press("ArrowDown");
  await waitFor(page, (x) => x.invoice_list.search === fragment, "the search kept");
  await press("ArrowDown", 2);
  s = await waitFor(page, (x) => x.invoice_list.cursor === 1, "the cursor on the second invoice");
  const target = s.invoice_list.rows[1];
  await page.waitForTimeout(150);
  await shot("invoices-cursor");

  await press("Enter");
  s = await waitFor(page, (x) => x.invoice_window === target.id, `invoice ${target.number} opened`);
  await page.waitForTimeout(150);
  await shot("invoice");
});

test("the Payments list's filter and cursor: Enter opens the payer's page", async () => {
  await clickItem(page, "tab.payments");
  let s = await waitFor(page, (x) => x.payment_list.count > 0, "the payments");
  const payer = s.payment_list.first[0].customer;
  const fragment = payer.slice(0, 5);
  await press("Control+F");
  await typeText(page, fragment);
  s = await waitFor(page, (x) => x.payment_list.filter === fragment && x.payment_list.shown > 0 &&
    x.payment_list.shown < x.payment_list.count, `the payments kept by "${fragment}"`);
  for (const p of s.payment_list.first) assert.ok(has(p.customer, fragment), `${p.customer} matches`);
  await press("Escape");
  await press("ArrowDown", 2);
  s = await waitFor(page, (x) => x.payment_list.cursor === 1, "the cursor on the second payment");
  assert.equal(s.payment_list.filter, fragment, "Escape kept the filter");
  await page.waitForTimeout(150);
  await shot("payments-cursor");
  await press("Enter");
  await waitFor(page, (x) => x.customer_page.id === s.payment_list.first[1].customer_id, "the payer's page");
});

test("History: Ctrl+F and an event number move the cursor there; Enter shows the event", async () => {
  await clickItem(page, "tab.history");
  let s = await waitFor(page, (x) => x.history.count > 100, "the event log");
  const count = s.history.count;
  await press("Control+F");
  await typeText(page, "42");
  s = await waitFor(page, (x) => x.history.go_to === "42" && x.history.cursor === count - 42,
    "the cursor on event 42");
  await press("Escape");
  await press("Enter");
  await waitFor(page, (x) => x.history.opened === 42, "event 42's details");
  await press("ArrowUp");
  await press("Enter");
  await waitFor(page, (x) => x.history.opened === 43, "the newer event's details");
  await press("PageDown");
  await waitFor(page, (x) => x.history.cursor === count - 43 + 10, "Page Down: ten rows on");
  await page.waitForTimeout(150);
  await shot("history");
});

test("Reports: the arrows and Enter list a customer's invoices in the aging, then open one; Escape closes the list",
  async () => {
    await clickItem(page, "tab.reports");
    let s = await waitFor(page, (x) => x.reports.aging.currencies && x.reports.aging.currencies.length > 0,
      "the aging");
    const names = s.reports.aging.currencies.flatMap((c) => c.customers.map((r) => r.name));
    assert.ok(names.length >= 2, "the aging lists customers");
    await press("ArrowDown", 2);
    await waitFor(page, (x) => x.reports.aging.cursor === 1, "the cursor on the second customer");
    await press("Enter");
    s = await waitFor(page, (x) => x.reports.aging.drill.active && x.reports.aging.drill.rows.length > 0,
      "the customer's invoices");
    assert.ok(s.reports.aging.drill.title.includes(names[1]), `${s.reports.aging.drill.title} is ${names[1]}'s`);
    await press("ArrowDown");
    await waitFor(page, (x) => x.reports.aging.drill.cursor === 0, "the cursor on the first invoice");
    await page.waitForTimeout(150);
    await shot("aging-drill");
    await press("Enter");
    await waitFor(page, (x) => x.invoice_window === s.reports.aging.drill.rows[0].id, "the invoice opened");
    await clickItem(page, "tab.reports");
    await waitItem(page, "reports.pick.0");
    await press("Escape");
    await waitFor(page, (x) => !x.reports.aging.drill.active && x.reports.aging.cursor === 1,
      "Escape closed the list, the customer cursor kept");
  });

test("Reports: Ctrl+F reaches the statement's customer finder", async () => {
  await clickItem(page, "reports.pick.1");
  await waitItem(page, "reports.statement.find");
  await press("Control+F");
  await typeText(page, "pinecrest");
  const s = await waitFor(page, (x) => x.reports.statement.customer === "Pinecrest Builders",
    "Pinecrest Builders' statement");
  assert.ok(s.reports.statement.currencies.length > 0);
  await page.waitForTimeout(150);
  await shot("statement");
});

test("Collect: the arrows and Enter open an invoice from the charges booked", async () => {
  await clickItem(page, "tab.customers");
  await press("Control+F");
  await press("Control+A");
  await press("Backspace");
  await typeText(page, "Pinecrest");
  await waitFor(page, (x) => x.customer_list.search === "Pinecrest" && x.customer_list.count === 1, "Pinecrest");
  await press("Escape");
  await press("ArrowDown");
  await press("Enter");
  await waitFor(page, (x) => x.customer_page.name === "Pinecrest Builders", "Pinecrest Builders' page");
  await clickItem(page, "customer_page.collect.charges");
  await clickItem(page, "charges.policy.uk");
  await waitFor(page, (x) => x.collect.charges.policy === "uk-late-payment" &&
    x.collect.charges.rows.some((r) => r.customer === "Pinecrest Builders" && r.interest > 0), "the UK preview");
  await clickItem(page, "charges.apply");
  await clickItem(page, "charges.apply");  // the second click confirms
  let s = await waitFor(page, (x) => /done/.test(x.collect.charges.message) && x.collect.charges.list.length > 0,
    "the charges to be booked", 20000);
  assert.equal(s.collect.charges.cursor, -1, "no row is highlighted before a key");
  await press("ArrowDown");
  s = await waitFor(page, (x) => x.collect.charges.cursor === 0, "the cursor on the newest charge");
  await page.waitForTimeout(150);
  await shot("charges-cursor");
  await press("Enter");
  await waitFor(page, (x) => x.invoice_window === s.collect.charges.list[0], "the charged invoice opened");
});

test("Customer page: the arrows and Enter open one of the open invoices", async () => {
  await clickItem(page, "tab.customer_page");
  let s = await waitFor(page, (x) => x.customer_page.name === "Pinecrest Builders" &&
    x.customer_page.open_invoices.length >= 2, "Pinecrest Builders' open invoices");
  assert.equal(s.customer_page.invoice_cursor, -1, "no row is highlighted before a key");
  await press("ArrowDown", 2);
  s = await waitFor(page, (x) => x.customer_page.invoice_cursor === 1, "the cursor on the second invoice");
  await page.waitForTimeout(150);
  await shot("customer-page-cursor");
  await press("Enter");
  await waitFor(page, (x) => x.invoice_window === s.customer_page.open_invoices[1].id,
    `invoice ${s.customer_page.open_invoices[1].number} opened`);
});

test("Dashboard: the arrows and Enter open a customer from the ten owing the most overdue", async () => {
  await clickItem(page, "tab.dashboard");
  let s = await waitFor(page, (x) => x.dashboard.currencies &&
    x.dashboard.currencies.some((c) => c.currency === x.dashboard.shown && c.top.length >= 2), "the top ten");
  const top = s.dashboard.currencies.find((c) => c.currency === s.dashboard.shown).top;
  assert.equal(s.dashboard.top_cursor, -1, "no row is highlighted before a key");
  await press("ArrowDown", 2);
  await waitFor(page, (x) => x.dashboard.top_cursor === 1, "the cursor on the second customer");
  await page.waitForTimeout(150);
  await shot("dashboard-cursor");
  await press("Enter");
  await waitFor(page, (x) => x.customer_page.name === top[1].name, `${top[1].name}'s page`);
});

test("Reports: the arrows and Enter open a customer from the collection measures", async () => {
  await clickItem(page, "tab.reports");
  await clickItem(page, "reports.pick.2");
  let s = await waitFor(page, (x) => x.reports.measures.first.length >= 3, "the measures");
  assert.equal(s.reports.measures.cursor, -1, "no row is highlighted before a key");
  await press("ArrowDown", 3);
  s = await waitFor(page, (x) => x.reports.measures.cursor === 2, "the cursor on the third row");
  await page.waitForTimeout(150);
  await shot("measures-cursor");
  await press("Enter");
  await waitFor(page, (x) => x.customer_page.name === s.reports.measures.first[2].name,
    `${s.reports.measures.first[2].name}'s page`);
});
