// One browser story a new user would follow, start to end, with real mouse and keyboard input: the company's
// details, a customer with a billing and an escalation contact, two invoices on 2/10 net 30; the "As of" date
// moved past the due date brings the reminder (a mailto: naming the invoice), ten days on the call with its
// script and a promise to pay; an import of the customer's October invoice (with a deposit) is one entry on
// its timeline; a payment split by hand (an over-allocation refused first) keeps its remainder as unapplied
// credit, which the customer's page lists and applies to an invoice; after a reload everything is still there.
// Screenshots of each screen go to $DUEBOOK_ARTIFACTS (story-*.png).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { addCustomer, artifacts, clickItem, items, openContext, selectAllAndType, showCustomers, startServer, state,
  typeText, waitFor, waitItem, waitReady, waitSaved } from "./helpers.mjs";

const CUSTOMER = "Acme Ltd";
let server, url, profile, context, page;

before(async () => {
  ({ url, process: server } = await startServer());
  profile = mkdtempSync(path.join(tmpdir(), "duebook-story-"));
  context = await openContext(profile, url);
  page = context.pages()[0] || await context.newPage();
  page.on("pageerror", (e) => console.error("page error:", e.message));
  // Every URL the page asks the browser to open (a mailto: opens the mail program) is captured here instead.
  await page.addInitScript(() => {
    window.openedUrls = [];
    window.open = (u) => { window.openedUrls.push(String(u)); return null; };
  });
  await page.goto(url);
  await waitReady(page);
});

after(async () => {
  if (context) await context.close();
  if (server) server.kill();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

const shot = (name) => page.screenshot({ path: path.join(artifacts, `story-${name}.png`) });
const today = async () => (await state(page)).today;

async function type(name, text) {
  await clickItem(page, name);
  await selectAllAndType(page, text);
}

async function setAsOf(day) {
  await type("asof.date", day);
  await page.keyboard.press("Enter");
  await waitFor(page, (s) => s.as_of === day, `the as-of date ${day}`);
}

async function issueInvoice(date, description, quantity, price, expected) {
  await type("invoice.customer", CUSTOMER);
  await type("invoice.date", date);
  await type("invoice.line.0.description", description);
  await type("invoice.line.0.quantity", quantity);
  await type("invoice.line.0.price", price);
  await clickItem(page, "invoice.issue");
  await waitFor(page, (s) => s.invoices === expected, `invoice ${expected} to be issued`);
  // The form empties itself on the frame after the invoice is stored: let that frame be drawn before typing on.
  await page.mouse.move(640, 700);
  await page.waitForTimeout(300);
}

async function openCustomerPage() {
  await clickItem(page, "tab.customers");
  await clickItem(page, `customers.open.${CUSTOMER}`);
  return (await waitFor(page, (s) => s.customer_page.id > 0, "the customer page to open")).customer_page;
}

test("a new user: the company, a customer with two contacts, two invoices on 2/10 net 30", async () => {
  await clickItem(page, "tab.today");  // the Dashboard is the first screen
  await waitItem(page, "today.header");
  for (const [field, text] of [["company.name", "Northwind Supplies Ltd"], ["company.sender", "Jo Fielding"],
    ["company.phone", "+44 161 496 0000"], ["company.email", "accounts@northwind.example"]])
    await type(field, text);
  await clickItem(page, "company.save");
  await waitFor(page, (x) => x.undo === "Set the company details for collection messages", "the company details");
  await showCustomers(page);
  for (const [field, text] of [["customer.terms", "2/10 Net 30"], ["customer.billing_name", "Pat Billing"],
    ["customer.billing_email", "pat@acme.example"], ["customer.billing_phone", "+44 20 7946 0000"],
    ["customer.escalation_name", "Sam Director"], ["customer.escalation_email", "sam@acme.example"]])
    await type(field, text);
  await addCustomer(page, CUSTOMER, "EUR");
  await clickItem(page, "tab.invoices");
  await issueInvoice("2026-09-01", "Consulting, August", "8", "125.00", 1);  // due 10-01
  await issueInvoice("2026-09-20", "Consulting, September", "2", "200.00", 2);  // due 10-20
  await waitSaved(page);
});

test("past the due date the reminder is on Today, with a mailto: naming the invoice", async () => {
  await setAsOf("2026-10-02");
  await clickItem(page, "tab.today");
  await waitItem(page, "today.row.Acme Ltd");
  const t = await today();
  assert.deepEqual(t.entries.map((e) => [e.customer, e.step, e.open_minor, e.contact]),
    [[CUSTOMER, "friendly reminder with a duplicate invoice", 100000, "Pat Billing"]]);
  await clickItem(page, "today.row.Acme Ltd");
  await waitItem(page, "today.duplicate.INV-2026-0001");
  await clickItem(page, "today.compose");
  await page.waitForFunction(() => window.openedUrls.length > 0, null, { timeout: 5000 });
  const opened = await page.evaluate(() => window.openedUrls);
  assert.match(opened[0], /^mailto:pat@acme\.example\?subject=/);
  assert.match(decodeURIComponent(/[?&]subject=([^&]*)/.exec(opened[0])[1]), /INV-2026-0001/);
  await shot("reminder");
  await clickItem(page, "today.outcome.reached");
  await waitFor(page, (s) => s.today.entries.length === 0, "the reminder to leave Today");
});

test("ten days on: the call's script, and a promise to pay takes the customer off Today", async () => {
  await setAsOf("2026-10-12");
  await clickItem(page, "tab.today");
  await clickItem(page, "today.row.Acme Ltd");
  const t = (await waitFor(page, (s) => s.today.opened !== null, "the call to open")).today;
  assert.equal(t.opened.step, "call");
  assert.match(t.opened.body, /Call Pat Billing at Acme Ltd/);
  assert.match(t.opened.body, /EUR 1,000\.00/);
  await page.mouse.click(5, 400);  // nothing focused: the number keys go to the outcomes
  await page.keyboard.press("4");  // promised to pay
  await type("today.promise.date", "2026-10-20");
  await type("today.promise.amount", "600.00");
  await clickItem(page, "today.promise.save");
  const s = await waitFor(page, (x) => x.today.entries.length === 0 && x.today.confirmation !== "",
    "the customer to leave Today");
  assert.match(s.today.confirmation, /^Call with Acme Ltd recorded; chasing pauses until/);
  await waitItem(page, "today.paused.Acme Ltd");
  await shot("promised");
});

test("an import of the customer's October invoice, with a deposit, goes in as one action", async () => {
  const csv = "InvoiceNo,Customer,InvoiceDate,DueDate,Terms,Memo,ItemDescription,ItemQuantity,ItemRate," +
    "ItemAmount,Deposit\nOCT-77,Acme Ltd,2026-10-05,,,,Materials,1,250.00,250.00,50.00\n";
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], "acme-october.csv", { type: "text/csv" }));
    const canvas = document.querySelector("#canvas");
    canvas.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true }));
    canvas.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true,
      clientX: 600, clientY: 400 }));
  }, csv);
  const s = await waitFor(page, (x) => !x.import.running && x.invoices === 3, "the import", 30000);
  assert.equal(s.import.done, "Import invoices from acme-october.csv");
  assert.deepEqual(s.import.problems, []);
  await clickItem(page, "import.close");
  for (const start = Date.now(); (await items(page))["import.window"] && Date.now() - start < 3000;)
    await page.waitForTimeout(50);
  assert.equal((await items(page))["import.window"], undefined, "the import window is closed");
});

test("a payment split by hand: an over-allocation is refused, the split is booked, the rest kept as credit",
  async () => {
    await clickItem(page, "tab.payments");
    await type("payment.customer", CUSTOMER);
    await type("payment.amount", "700");
    await waitItem(page, "payment.preview.0.INV-2026-0001", 3000);
    await clickItem(page, "payment.split");
    // Prefilled with the rule's proposal: all 700.00 to the oldest invoice.
    let s = await waitFor(page, (x) => x.payment_split.on && x.payment_split.rows.length === 3, "the split");
    assert.deepEqual(s.payment_split.rows.map((r) => [r.number, r.amount]),
      [["INV-2026-0001", "700.00"], ["INV-2026-0002", ""], ["OCT-77", ""]]);
    // 700.00 + 300.00 is more than the 700.00 received: refused on screen, and Record stores nothing.
    await type("payment.split.INV-2026-0002", "300");
    s = await waitFor(page, (x) => x.payment_split.error !== "", "the over-allocation to be refused");
    assert.equal(s.payment_split.error,
      "The split gives EUR 1,000.00 to invoices, more than the payment of EUR 700.00: lower an amount.");
    await waitItem(page, "payment.split.problem");
    const before = s.events;
    await clickItem(page, "payment.record");
    await page.waitForTimeout(300);
    assert.equal((await state(page)).events, before, "an over-allocated split stores nothing");
    await shot("payment-split-refused");
    // 500.00 + 150.00 of 700.00: 50.00 stays as unapplied credit.
    await type("payment.split.INV-2026-0001", "500");
    await type("payment.split.INV-2026-0002", "150");
    s = await waitFor(page, (x) => x.payment_split.error === "" && x.payment_split.unapplied === 5000,
      "the remainder of the split");
    await waitItem(page, "payment.split.remainder");
    await shot("payment-split");
    await clickItem(page, "payment.record");
    s = await waitFor(page, (x) => x.payment_confirmation !== "", "the payment's confirmation");
    assert.equal(s.payment_confirmation,
      "Payment of EUR 700.00 recorded; no invoice settled; EUR 50.00 kept as unapplied credit.");
    assert.match(s.status, /^Record payment of 700\.00 EUR from Acme Ltd/);
    s = await waitFor(page, (x) => x.credits.length === 1, "the unapplied credit list");
    assert.equal(s.credits[0].customer, CUSTOMER);
    assert.equal(s.credits[0].unapplied, 5000);
    await waitItem(page, `payments.credit.${s.credits[0].source}`);
    await shot("unapplied-credit");
  });

const expectedKinds = ["payment", "import", "promise", "reminder", "invoice", "invoice", "customer"];

test("the customer page: the split on the invoices, the credit listed, the import on the timeline", async () => {
  const facts = await openCustomerPage();
  assert.deepEqual(facts.timeline.map((e) => e.kind), expectedKinds, JSON.stringify(facts.timeline));
  assert.equal(facts.timeline[1].what, "Import invoices from acme-october.csv: 1 invoice");
  // 1,000.00 + 400.00 + 250.00 − 650.00 applied = 1,000.00 open; less 50.00 credit.
  assert.equal(facts.ar_balance, 100000);
  assert.equal(facts.unapplied, 5000);
  assert.equal(facts.balance, 95000);
  // Overdue: 500.00 left on INV-2026-0001 and OCT-77's 50.00 deposit, due on receipt (10-05).
  assert.equal(facts.overdue, 55000);
  assert.deepEqual(facts.credits.map((c) => c.unapplied), [5000]);
  await waitItem(page, "customer_page.timeline.1", 3000);
  await shot("customer-page");
  // Apply the credit to the October invoice.
  await clickItem(page, `customer_page.credit.${facts.credits[0].source}.apply`);
  await clickItem(page, "customer_page.credit.to.OCT-77");
  const s = await waitFor(page, (x) => x.customer_page.unapplied === 0, "the credit to be applied");
  assert.equal(s.customer_page.ar_balance, 95000);
  assert.equal(s.customer_page.balance, 95000);
  assert.deepEqual(s.customer_page.credits, []);
  assert.equal(s.customer_page.timeline[0].kind, "allocation");
  await shot("credit-applied");
  await waitSaved(page);
});

test("after a reload everything is still there", async () => {
  const before = (await state(page)).customer_page;
  await page.reload();
  await waitReady(page);
  const facts = await openCustomerPage();
  assert.deepEqual(facts.timeline, before.timeline);
  assert.equal(facts.balance, 95000);
  assert.deepEqual(facts.timeline.map((e) => e.kind), ["allocation", ...expectedKinds]);
  await shot("after-reload");
});
