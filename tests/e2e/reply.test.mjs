// Browser end-to-end test of the customer's reply file, both sides, in two browser profiles. The business's
// books are made by the native CLI (DUEBOOK_CLI) and opened in the first profile from a .duebook file; its
// customer page hands over a statement file. The customer, in a second profile with books of its own, drops
// that file: the window shows the open invoices and how to pay, refuses a reply with nothing answered or a
// promise above the open amount (naming the invoice), and saves one promise and one dispute as a reply file,
// adding nothing to the customer's own books. Back at the business the reply is previewed item by item,
// recorded only on confirmation, and refused the second time. The CLI checks both downloaded files.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { artifacts, clickItem, dropFile, freshSession, selectAllAndType, state, typeText, waitFor, waitItem,
  waitReady, waitSaved } from "./helpers.mjs";

const CLI = process.env.DUEBOOK_CLI;
let business, customer, work;

before(async () => {
  assert.ok(CLI && existsSync(CLI), `the native CLI is built at DUEBOOK_CLI (${CLI}): build the debug preset`);
  work = mkdtempSync(path.join(tmpdir(), "duebook-reply-"));
  business = await freshSession("reply-business");
  customer = await freshSession("reply-customer");
});

after(async () => {
  for (const s of [business, customer]) if (s) await s.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

const cli = (...args) => execFileSync(CLI, ["--db", path.join(work, "books.sqlite"), ...args]).toString();
const shot = (page, name) => page.screenshot({ path: path.join(artifacts, `reply-${name}.png`) });
const iso = (d) => d.toISOString().slice(0, 10);
const inDays = (n) => iso(new Date(Date.now() + n * 86400000));

// Saves what clicking `name` downloads into the work folder; returns its path.
async function download(page, name, pattern) {
  const [d] = await Promise.all([page.waitForEvent("download", { timeout: 20000 }), clickItem(page, name)]);
  assert.match(d.suggestedFilename(), pattern);
  const file = path.join(work, d.suggestedFilename());
  copyFileSync(await d.path(), file);
  return file;
}

async function dropOn(page, file, text) {
  await dropFile(page, path.basename(file), text ?? readFileSync(file, "utf8"));
}

// Picks answer `kind` for invoice row `row` (a combo: its popup opens on the click, then the choice).
async function answer(page, row, kind) {
  for (let attempt = 0; attempt < 4; ++attempt) {
    await clickItem(page, `reply.answer.${row}`);
    await page.waitForTimeout(300);
    await clickItem(page, `reply.answer.${row}.${kind}`);
    await page.waitForTimeout(200);
    const marks = { promise: "amount", dispute: "reason", paid: "reference" };
    if ((await page.evaluate(() => window.duebook.items()))[`reply.answer.${row}.${marks[kind]}`]) return;
    await page.keyboard.press("Escape");
  }
  assert.fail(`answer ${kind} chosen for row ${row}`);
}

test("the business opens its books and hands the customer a statement file", async () => {
  cli("init");
  cli("collections", "company", "--name", "Nordlicht Studio", "--email", "accounts@nordlicht.example",
    "--phone", "+49 30 1234567", "--iban", "DE89 3704 0044 0532 0130 00", "--bic", "COBADEFFXXX");
  cli("customer", "add", "Acme Ltd", "--currency", "EUR", "--terms", "Net 30");
  cli("invoice", "add", "--customer", "Acme Ltd", "--date", inDays(-60), "--issue", "--line", "Design;1;1200.00;0");
  cli("invoice", "add", "--customer", "Acme Ltd", "--date", inDays(-45), "--issue", "--line", "Print run;1;300.00;0");
  cli("export", "--format", "duebook", "--output", path.join(work, "books.duebook"));

  const page = business.page;
  await dropOn(page, path.join(work, "books.duebook"));
  await waitFor(page, (s) => s.ledger_file.mode === "open" && s.ledger_file.dry_run, "the dry run", 20000);
  await clickItem(page, "ledger_file.apply");
  await waitFor(page, (s) => s.ledger_file.written === true && s.invoices === 2, "opened", 20000);
  await waitSaved(page, 20000);
  await page.reload();
  await waitReady(page);

  await clickItem(page, "tab.customers");
  await clickItem(page, "customers.open.Acme Ltd");
  await waitFor(page, (s) => s.customer_page.id > 0, "the customer page");
  const file = await download(page, "customer_page.statement_file", /^statement-Acme-Ltd-\d{4}-\d\d-\d\d\.duebook$/);
  const statement = JSON.parse(readFileSync(file, "utf8"));
  assert.equal(statement.format, "duebook-statement");
  assert.equal(statement.invoices.length, 2);
  assert.deepEqual(statement.invoices.map((i) => i.open), [120000, 30000]);
  // Nothing the business keeps for itself travels: no events, no contact record.
  assert.equal(readFileSync(file, "utf8").includes("\"events\""), false);
  assert.match((await state(page)).status, /Saved the statement file for Acme Ltd \(2 open invoices\)/);
  copyFileSync(file, path.join(work, "statement.duebook"));
});

test("the customer answers the statement in its own Duebook and saves a reply file", async () => {
  const page = customer.page;
  const before = await state(page);
  await dropOn(page, path.join(work, "statement.duebook"));
  let s = await waitFor(page, (x) => x.reply.side === "statement", "the statement to open", 10000);
  assert.equal(s.reply.invoices, 2);
  assert.equal(s.reply.error, "");

  // Nothing answered: refused, nothing saved.
  await clickItem(page, "reply.save");
  s = await waitFor(page, (x) => x.reply.error !== "", "the refusal");
  assert.match(s.reply.error, /answer at least one invoice/);
  assert.equal(s.reply.saved, "");

  // A promise above the open amount: refused, naming the invoice.
  await answer(page, 0, "promise");
  await clickItem(page, "reply.answer.0.date");
  await typeText(page, inDays(20));
  await clickItem(page, "reply.answer.0.amount");
  await selectAllAndType(page, "1300.00");
  await clickItem(page, "reply.save");
  s = await waitFor(page, (x) => /INV-\d{4}-0001/.test(x.reply.error), "the promise's refusal");
  assert.equal(s.reply.saved, "");

  await clickItem(page, "reply.answer.0.amount");
  await selectAllAndType(page, "600.00");
  await answer(page, 1, "dispute");
  await clickItem(page, "reply.answer.1.notes");
  await typeText(page, "The print run was late");
  await clickItem(page, "reply.person");
  await typeText(page, "Dana Roth");
  await shot(page, "customer-view");
  const file = await download(page, "reply.save", /^reply-Acme-Ltd-\d{4}-\d\d-\d\d\.duebook$/);
  s = await state(page);
  assert.equal(s.reply.error, "");
  assert.match(s.reply.saved, /reply-Acme-Ltd/);
  assert.equal(s.invoices, before.invoices, "nothing entered the customer's own books");
  assert.equal(s.customers, before.customers);
  copyFileSync(file, path.join(work, "reply.duebook"));

  const reply = JSON.parse(readFileSync(file, "utf8"));
  assert.equal(reply.format, "duebook-reply");
  assert.equal(reply.person, "Dana Roth");
  assert.deepEqual(reply.items.map((i) => [i.kind, i.amount ?? 0]), [["promise", 60000], ["dispute", 0]]);
  // The CLI reads the reply against the books it answers (a dry run writes nothing).
  const dry = cli("import", "--reply", file, "--dry-run");
  assert.match(dry, /promises 600\.00 EUR by/);
  assert.match(dry, /disputes it \(pricing\) - The print run was late/);
});

test("the business previews the reply, records it on confirmation, and refuses it the second time", async () => {
  const page = business.page;
  const before = (await state(page)).customer_page.timeline.length;
  await dropOn(page, path.join(work, "reply.duebook"));
  let s = await waitFor(page, (x) => x.reply.side === "reply", "the reply to open", 10000);
  assert.equal(s.reply.refused, "");
  assert.equal(s.reply.items.length, 2);
  assert.match(s.reply.items[0].what, /^promises EUR 600\.00 by /);
  assert.match(s.reply.items[1].what, /^disputes it \(pricing\)/);
  assert.equal(s.customer_page.timeline.length, before, "nothing recorded before the confirmation");
  await waitItem(page, "reply.record", 3000);
  await shot(page, "business-view");

  await clickItem(page, "reply.record");
  s = await waitFor(page, (x) => x.reply.recorded === true, "the reply recorded", 10000);
  s = await waitFor(page, (x) => x.customer_page.timeline.length > before, "the customer's timeline");
  await waitSaved(page, 20000);
  await shot(page, "recorded");

  // The same reply again: refused, nothing written.
  const after = s.customer_page.timeline.length;
  await dropOn(page, path.join(work, "reply.duebook"));
  s = await waitFor(page, (x) => x.reply.side === "reply" && !x.reply.recorded, "the reply to open again");
  await clickItem(page, "reply.record");
  s = await waitFor(page, (x) => x.reply.problems !== "", "the second recording refused", 10000);
  assert.match(s.reply.problems, /recorded/i);
  assert.equal((await state(page)).customer_page.timeline.length, after);

  // A tampered reply is refused when it is read.
  const tampered = readFileSync(path.join(work, "reply.duebook"), "utf8").replace("Dana Roth", "Dana Rot");
  await dropOn(page, path.join(work, "tampered.duebook"), tampered);
  s = await waitFor(page, (x) => x.reply.file === "tampered.duebook" && x.reply.error !== "", "refused");
  assert.match(s.reply.error, /tampered\.duebook/);
});
