// Browser end-to-end test of the accounts screens: a customer is created, two invoices issued, a partial
// payment recorded through the payment form (with its live preview), then the customer's page shows the
// timeline newest first and the new balance, and all of it is still there after a reload. Real mouse and
// keyboard input throughout; screenshots of each screen go to $DUEBOOK_ARTIFACTS.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { artifacts, clickItem, freshSession, items, selectAllAndType, state, waitFor, waitItem, waitReady,
  waitSaved } from "./helpers.mjs";

const CUSTOMER = "Hartmann Bau GmbH";
let session, page;

before(async () => {
  session = await freshSession("accounts");
  ({ page } = session);
});

after(async () => {
  if (session) await session.close();
});

async function type(name, text) {
  await clickItem(page, name);
  await selectAllAndType(page, text);
}

async function issueInvoice(date, description, quantity, price, expected) {
  await type("invoice.customer", CUSTOMER);
  await type("invoice.date", date);
  await type("invoice.line.0.description", description);
  await type("invoice.line.0.quantity", quantity);
  await type("invoice.line.0.price", price);
  await clickItem(page, "invoice.issue");
  try {
    await waitFor(page, (s) => s.invoices === expected, `invoice ${expected} to be issued`);
  } catch (e) {
    await page.screenshot({ path: path.join(artifacts, `accounts-invoice-${expected}-refused.png`) });
    throw e;
  }
  // The form empties itself on the frame after the invoice is stored: let that frame be drawn before typing on.
  await page.mouse.move(640, 700);
  await page.waitForTimeout(300);
  await waitFor(page, () => true, "a frame");
}

const page_facts = async () => (await state(page)).customer_page;

test("a customer with contacts, two invoices on Net 30", async () => {
  await clickItem(page, "tab.customers");  // the Dashboard is the first tab
  await type("customer.name", CUSTOMER);
  await type("customer.currency", "EUR");
  await type("customer.billing_name", "Jana Hartmann");
  await type("customer.billing_email", "jana@hartmann-bau.test");
  await type("customer.escalation_name", "Peter Hartmann");
  await type("customer.escalation_email", "peter@hartmann-bau.test");
  await clickItem(page, "customer.save");
  await waitFor(page, (s) => s.customers === 1, "the customer to be added");
  await clickItem(page, "tab.invoices");
  await issueInvoice("2026-08-03", "Gerüst August", "2", "600", 1);
  await issueInvoice("2026-09-01", "Gerüst September", "1", "500", 2);
});

test("a partial payment: the preview shows where it goes before it is recorded", async () => {
  await clickItem(page, "tab.payments");
  await type("payment.customer", CUSTOMER);
  await type("payment.amount", "800");
  // Oldest due first: all 800.00 go to INV-2026-0001 (1,200.00 open), nothing to the second.
  await waitItem(page, "payment.preview.0.INV-2026-0001", 3000);
  assert.equal((await items(page))["payment.preview.1.INV-2026-0002"], undefined);
  // By hand: putting the second invoice first moves 500.00 to it and the rest to the first.
  await clickItem(page, "payment.first.INV-2026-0002");
  await waitItem(page, "payment.preview.0.INV-2026-0002", 3000);
  await waitItem(page, "payment.preview.1.INV-2026-0001", 3000);
  await page.screenshot({ path: path.join(artifacts, "accounts-payment-form.png") });
  // Back to the rule's order for this story.
  await type("payment.reference", "Abschlag");
  await waitItem(page, "payment.preview.0.INV-2026-0001", 3000);
  const before = (await state(page)).events;
  await clickItem(page, "payment.record");
  const s = await waitFor(page, (x) => x.payment_confirmation !== "", "the payment's confirmation");
  assert.equal(s.payment_confirmation, "Payment of EUR 800.00 recorded; no invoice settled.");
  assert.ok(s.events > before);
  assert.match(s.status, /^Record payment of 800\.00 EUR from Hartmann Bau GmbH/);
});

test("a refused payment shows its problem beside the field and stores nothing", async () => {
  const before = (await state(page)).events;
  await type("payment.amount", "12,34,5");
  await clickItem(page, "payment.record");
  await page.waitForTimeout(300);
  assert.equal((await state(page)).events, before);
});

function checkTimeline(facts) {
  const kinds = facts.timeline.map((e) => e.kind);
  assert.deepEqual(kinds, ["payment", "invoice", "invoice", "customer"], `timeline ${JSON.stringify(facts.timeline)}`);
  assert.match(facts.timeline[0].what, /^Record payment of 800\.00 EUR from Hartmann Bau GmbH/);
  assert.match(facts.timeline[1].what, /INV-2026-0002/);
  assert.equal(facts.timeline[1].date, "2026-09-01");
  assert.equal(facts.timeline[2].date, "2026-08-03");
  for (const e of facts.timeline) assert.match(e.hash, /^[0-9a-f]{12}$/);
  // 1,200.00 + 500.00 − 800.00
  assert.equal(facts.balance, 90000);
}

test("the customer's page: timeline newest first and the new balance", async () => {
  await clickItem(page, "tab.customers");
  await page.screenshot({ path: path.join(artifacts, "accounts-customers-list.png") });
  await clickItem(page, `customers.open.${CUSTOMER}`);
  const facts = (await waitFor(page, (s) => s.customer_page.id > 0, "the customer page to open")).customer_page;
  checkTimeline(facts);
  await waitItem(page, "customer_page.timeline.3", 3000);
  await page.screenshot({ path: path.join(artifacts, "accounts-customer-page.png") });
});

test("the invoice window: what was applied, and a refused void stores nothing", async () => {
  await clickItem(page, "customer_page.invoice.INV-2026-0001");
  await waitItem(page, "invoice_window.totals", 3000);
  const before = (await state(page)).events;
  await clickItem(page, "invoice_window.void");  // asks once
  await clickItem(page, "invoice_window.void");  // confirmed, but without a reason: refused
  await page.waitForTimeout(300);
  assert.equal((await state(page)).events, before, "a void without a reason is refused");
  await page.screenshot({ path: path.join(artifacts, "accounts-invoice-window.png") });
});

test("after a reload everything is still there", async () => {
  await waitSaved(page);
  const before = await page_facts();
  await page.reload();
  await waitReady(page);
  await clickItem(page, "tab.customers");
  await clickItem(page, `customers.open.${CUSTOMER}`);
  const facts = (await waitFor(page, (s) => s.customer_page.id > 0, "the customer page to open")).customer_page;
  checkTimeline(facts);
  assert.deepEqual(facts.timeline, before.timeline);
});

test("Ctrl+Z takes the payment back and Ctrl+Shift+Z records it again, each named in the history", async () => {
  await clickItem(page, "tab.customer_page");  // no text field has the keyboard
  await page.keyboard.press("Control+Z");
  let s = await waitFor(page, (x) => x.customer_page.balance === 170000, "the payment to be undone");
  assert.match(s.status, /^Undo Record payment of 800\.00 EUR from Hartmann Bau GmbH/);
  assert.equal(s.customer_page.timeline[0].kind, "undo");
  await page.keyboard.press("Control+Shift+Z");
  s = await waitFor(page, (x) => x.customer_page.balance === 90000, "the payment to be redone");
  assert.match(s.status, /Record payment of 800\.00 EUR from Hartmann Bau GmbH/);
  assert.deepEqual(s.customer_page.timeline.map((e) => e.kind).slice(0, 3), ["redo", "undo", "payment"]);
  await waitSaved(page);
});
