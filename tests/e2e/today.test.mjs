// Browser end-to-end test of the Today tab, the collections cockpit: a customer with a billing and an
// escalation contact and an invoice on 2/10 net 30 are entered through the UI; the as-of date moves past the
// due date, and the worklist brings the reminder (with the duplicate invoice and a mailto: link), then the
// call (with the script), a promise to pay that takes the customer off Today until its date, and the broken
// promise that brings the customer back; a reload keeps it all. Real mouse and keyboard input throughout;
// screenshots of each screen go to $DUEBOOK_ARTIFACTS.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { addCustomer, artifacts, captureOpenedUrls, clickItem, freshSession, items, selectAllAndType,
  showCustomers, shownDate, state, typeText, waitFor, waitItem, waitReady, waitSaved } from "./helpers.mjs";

let session, page, url;

before(async () => {
  session = await freshSession("today", { initScript: captureOpenedUrls, goto: false });
  ({ page, url } = session);
});

after(async () => {
  if (session) await session.close();
});

const shot = (name) => page.screenshot({ path: path.join(artifacts, `today-${name}.png`) });
const today = async () => (await state(page)).today;

// Types a new as-of date into the menu bar and waits until every screen works on it.
async function setAsOf(day) {
  await clickItem(page, "asof.date");
  await selectAllAndType(page, day);
  await page.keyboard.press("Enter");
  await waitFor(page, (s) => s.as_of === day, `the as-of date ${day}`);
}

async function openToday() {
  await clickItem(page, "tab.today");
  await waitItem(page, "today.header");
}

test("a new ledger opens on the welcome screen; Today works on the user's local day", async () => {
  await page.goto(url);
  await waitReady(page);
  await waitItem(page, "welcome.start");
  await openToday();
  const local = await page.evaluate(() => {
    const d = new Date();
    const two = (n) => String(n).padStart(2, "0");
    return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
  });
  const s = await state(page);
  assert.equal(s.local_today, local, "the app's day is the page's local calendar day");
  assert.equal(s.as_of, local);
  assert.deepEqual(s.today.entries, []);
  assert.ok(!(await items(page))["asof.today"], "no 'Back to today' while on today");

  // The business that signs the messages, entered where Today asks for it.
  for (const [field, text] of [["company.name", "Northwind Supplies Ltd"], ["company.sender", "Jo Fielding"],
    ["company.phone", "+44 161 496 0000"], ["company.email", "accounts@northwind.example"]]) {
    await clickItem(page, field);
    await selectAllAndType(page, text);
  }
  await clickItem(page, "company.save");
  await waitFor(page, (x) => x.undo === "Set the company details for collection messages", "the company details");
  await shot("empty");
});

test("a customer with two contacts and an invoice on 2/10 net 30, entered through the UI", async () => {
  await showCustomers(page);
  for (const [field, text] of [["customer.terms", "2/10 Net 30"], ["customer.billing_name", "Pat Billing"],
    ["customer.billing_email", "pat@acme.example"], ["customer.billing_phone", "+44 20 7946 0000"],
    ["customer.escalation_name", "Sam Director"], ["customer.escalation_email", "sam@acme.example"]]) {
    await clickItem(page, field);
    await selectAllAndType(page, text);
  }
  await addCustomer(page, "Acme Ltd", "EUR");
  await clickItem(page, "tab.invoices");
  for (const [field, text] of [["invoice.customer", "Acme Ltd"], ["invoice.date", "2026-09-01"],
    ["invoice.line.0.description", "Consulting, August"], ["invoice.line.0.quantity", "8"],
    ["invoice.line.0.price", "125.00"]]) {
    await clickItem(page, field);
    await selectAllAndType(page, text);
  }
  await clickItem(page, "invoice.issue");
  await waitFor(page, (s) => s.invoices === 1, "the invoice to be issued");
  await waitItem(page, "invoices.row.INV-2026-0001", 5000);
  await waitSaved(page);
});

test("past the due date the reminder comes up with the duplicate invoice and a mailto: naming it", async () => {
  await setAsOf("2026-10-02");  // due 10-01 (net 30 from 09-01); the +1 friendly reminder
  await waitItem(page, "asof.today");
  await openToday();
  let t = await today();
  assert.deepEqual(t.entries.map((e) => [e.customer, e.step, e.open_minor, e.contact]),
    [["Acme Ltd", "friendly reminder with a duplicate invoice", 100000, "Pat Billing"]]);
  await clickItem(page, "today.row.Acme Ltd");
  await waitItem(page, "today.duplicate.INV-2026-0001");
  await waitItem(page, "today.invoice.INV-2026-0001");
  await clickItem(page, "today.compose");
  await page.waitForFunction(() => window.openedUrls.length > 0, null, { timeout: 5000 });
  await page.waitForTimeout(200);  // a second link would have been opened by now
  const opened = await page.evaluate(() => window.openedUrls);
  assert.equal(opened.length, 1, "Compose in mail app opens one link");
  assert.match(opened[0], /^mailto:pat@acme\.example\?subject=/);
  const subject = decodeURIComponent(/[?&]subject=([^&]*)/.exec(opened[0])[1]);
  assert.match(subject, /INV-2026-0001/, "the subject names the invoice");
  const body = decodeURIComponent(/[?&]body=([^&]*)/.exec(opened[0])[1]);
  assert.match(body, /EUR 1,000\.00/);
  await shot("reminder");

  await clickItem(page, "today.outcome.reached");  // "Sent"
  t = (await waitFor(page, (s) => s.today.entries.length === 0 && s.today.confirmation !== "",
    "the reminder to leave Today")).today;
  assert.equal(t.confirmation,
    "Friendly reminder with a duplicate invoice to Acme Ltd recorded; next: call on " +
      shownDate((await state(page)).locale, "2026-10-08"));
  assert.match((await state(page)).undo, /^Record friendly reminder with a duplicate invoice for Acme Ltd: reached$/);
});

test("ten days on, the call shows the script with the customer's name and amount; keys work", async () => {
  await setAsOf("2026-10-12");
  await openToday();
  let t = await today();
  assert.deepEqual(t.entries.map((e) => [e.customer, e.step]), [["Acme Ltd", "call"]]);
  await page.mouse.click(5, 400);  // nothing focused: the keys go to the list
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  t = (await waitFor(page, (s) => s.today.opened !== null, "Enter to open the entry")).today;
  assert.equal(t.opened.customer, "Acme Ltd");
  assert.match(t.opened.subject, /Call script: Acme Ltd, invoice INV-2026-0001/);
  assert.match(t.opened.body, /Call Pat Billing at Acme Ltd/);
  assert.match(t.opened.body, /this is Jo Fielding from Northwind Supplies Ltd/);
  assert.match(t.opened.body, /EUR 1,000\.00/);
  await waitItem(page, "today.material.body");
  await shot("call");
});

test("a promise to pay takes the customer off Today until its date; a refused one stores nothing", async () => {
  await page.keyboard.press("4");  // promised to pay
  await waitItem(page, "today.promise.amount");
  await clickItem(page, "today.promise.date");
  await selectAllAndType(page, "2026-10-20");
  await clickItem(page, "today.promise.amount");
  await selectAllAndType(page, "5000.00");
  const before = (await state(page)).events;
  await clickItem(page, "today.promise.save");
  await page.waitForTimeout(300);
  assert.equal((await state(page)).events, before, "a promise for more than is open stores nothing");
  assert.equal((await today()).entries.length, 1);
  await shot("promise-refused");

  await clickItem(page, "today.promise.amount");
  await selectAllAndType(page, "600.00");
  await clickItem(page, "today.notes");
  await typeText(page, "Will pay 600 after their client pays them");
  await clickItem(page, "today.promise.save");
  const s = await waitFor(page, (x) => x.today.entries.length === 0 && x.today.confirmation !== "",
    "the customer to leave Today");
  assert.ok(s.today.confirmation.startsWith(
    `Call with Acme Ltd recorded; chasing pauses until ${shownDate(s.locale, "2026-10-23")}`), s.today.confirmation);
  assert.equal(s.undo, "Record call for Acme Ltd: promised to pay EUR 600.00 by 2026-10-20");
  assert.deepEqual(s.today.paused.map((p) => [p.customer, p.reason]), [["Acme Ltd", "promise_active"]]);
  await waitItem(page, "today.paused.Acme Ltd");
  await waitSaved(page);
  await shot("promised");

  // One undo takes back the call and the promise together; redo records them again.
  await page.keyboard.press("Control+Z");
  let u = await waitFor(page, (x) => x.today.entries.length === 1, "undo to bring the call back");
  assert.deepEqual(u.today.paused, []);
  assert.equal(u.undo, "Record friendly reminder with a duplicate invoice for Acme Ltd: reached");
  await page.keyboard.press("Control+Shift+Z");
  u = await waitFor(page, (x) => x.today.entries.length === 0, "redo to record the promise again");
  assert.equal(u.undo, "Record call for Acme Ltd: promised to pay EUR 600.00 by 2026-10-20");

  for (const day of ["2026-10-20", "2026-10-23"]) {
    await setAsOf(day);
    assert.deepEqual((await today()).entries, [], `still paused on ${day}`);
  }
});

test("on the broken promise's next day the customer is back with the next step, and stays after a reload",
  async () => {
    await setAsOf("2026-10-24");
    await waitItem(page, "today.row.Acme Ltd");
    assert.deepEqual((await today()).entries.map((e) => [e.customer, e.step]), [["Acme Ltd", "second call"]]);
    await clickItem(page, "today.row.Acme Ltd");
    await waitItem(page, "today.material.body");
    await shot("broken-promise");

    await page.reload();
    await waitReady(page);
    await clickItem(page, "tab.today");
    await waitItem(page, "today.header");
    const s = await state(page);
    assert.equal(s.as_of, s.local_today, "a reload starts again on the local day");
    await setAsOf("2026-10-24");
    await waitItem(page, "today.row.Acme Ltd");
    assert.deepEqual((await today()).entries.map((e) => [e.customer, e.step]), [["Acme Ltd", "second call"]]);
    await shot("after-reload");
  });

test("the letter to the senior manager goes to the escalation contact; Back to today returns", async () => {
  await setAsOf("2026-11-16");  // +45
  await clickItem(page, "today.row.Acme Ltd");
  const t = (await waitFor(page, (s) => s.today.opened !== null, "the entry to open")).today;
  assert.equal(t.opened.step, "letter to the senior manager");
  assert.equal(t.entries[0].contact, "Sam Director");
  assert.match(t.opened.body, /Sam Director/);
  await waitItem(page, "today.print");
  await shot("letter");

  // Paid: the payment form opens for the customer.
  await page.keyboard.press("6");
  const paid = await waitFor(page, (x) => /Record the payment from Acme Ltd/.test(x.status), "Paid to switch tabs");
  assert.equal(paid.today.entries.length, 1, "Paid records nothing by itself");
  await waitItem(page, "payment.record");
  await clickItem(page, "tab.today");

  // Snooze until a day: the customer leaves Today and is listed with the day it comes back.
  await page.keyboard.press("8");
  await clickItem(page, "today.snooze.until");
  await selectAllAndType(page, "2026-11-20");
  await clickItem(page, "today.snooze.save");
  const snoozed = await waitFor(page, (x) => x.today.entries.length === 0 && x.today.confirmation !== "",
    "the snooze");
  assert.equal(snoozed.today.confirmation,
    `Acme Ltd snoozed; back on Today on ${shownDate(snoozed.locale, "2026-11-20")}`);
  assert.deepEqual(snoozed.today.paused.map((p) => p.reason), ["snoozed"]);
  await waitItem(page, "today.paused.Acme Ltd");
  await shot("snoozed");
  await setAsOf("2026-11-20");
  assert.deepEqual((await today()).entries.map((e) => e.customer), ["Acme Ltd"], "back on the snooze's day");
  await clickItem(page, "asof.today");
  const s = await waitFor(page, (x) => x.as_of === x.local_today, "Back to today");
  assert.ok(s.as_of);
});
