// Browser end-to-end test of the ledger file window (issue: files that travel). Two copies of one ledger are made
// by the native CLI (DUEBOOK_CLI) and diverge: each issues its own INV-2026-0002. In a fresh profile the first
// copy's .duebook file, dropped on the page, is read, its dry run shown, and opened only on confirmation; the
// second copy's file then lists the conflict, nothing is written until it is decided ("keep both" renumbers
// theirs), and the same file again is "nothing to add". A tampered file is refused with its event number and
// nothing changes. Finally the window exports the ledger as a .duebook file, and the CLI opens that download
// into an empty ledger whose aging matches the browser's books and whose chain verifies.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { artifacts, clickItem, dropFile, freshSession, state, waitFor, waitItem, waitSaved } from "./helpers.mjs";

const CLI = process.env.DUEBOOK_CLI;
let session, page, work;

before(async () => {
  assert.ok(CLI && existsSync(CLI), `the native CLI is built at DUEBOOK_CLI (${CLI}): build the debug preset`);
  work = mkdtempSync(path.join(tmpdir(), "duebook-ledgerfile-"));
  session = await freshSession("ledgerfile");
  ({ page } = session);
});

after(async () => {
  if (session) await session.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

const cli = (db, ...args) => execFileSync(CLI, ["--db", path.join(work, db), ...args]).toString();
const shot = (name) => page.screenshot({ path: path.join(artifacts, `ledgerfile-${name}.png`) });
const fileFacts = async () => (await state(page)).ledger_file;

// Two copies of one ledger that parted after INV-2026-0001 and each issued an INV-2026-0002 of its own.
function makeCopies() {
  cli("a.sqlite", "init");
  cli("a.sqlite", "customer", "add", "Acme Ltd", "--currency", "EUR", "--terms", "Net 30");
  cli("a.sqlite", "invoice", "add", "--customer", "Acme Ltd", "--date", "2026-10-01", "--issue",
    "--line", "Design;1;100.00;0");
  copyFileSync(path.join(work, "a.sqlite"), path.join(work, "b.sqlite"));
  cli("a.sqlite", "invoice", "add", "--customer", "Acme Ltd", "--date", "2026-10-05", "--issue",
    "--line", "Print run;1;200.00;0");
  cli("b.sqlite", "invoice", "add", "--customer", "Acme Ltd", "--date", "2026-10-06", "--issue",
    "--line", "Photography;1;300.00;0");
  cli("a.sqlite", "export", "--format", "duebook", "--output", path.join(work, "mine.duebook"));
  cli("b.sqlite", "export", "--format", "duebook", "--output", path.join(work, "theirs.duebook"));
}

async function drop(name, text) {
  const before = (await fileFacts()).file;
  await dropFile(page, name, text ?? readFileSync(path.join(work, name), "utf8"));
  if (before !== name)
    await waitFor(page, (s) => s.ledger_file.file === name && (s.ledger_file.mode || s.ledger_file.error),
      `${name} read`, 20000);
}

test("a .duebook file opens after its dry run; a diverged copy merges with the conflict decided; a tampered one is refused", async () => {
  makeCopies();
  // The first copy into the empty ledger: a dry run first, nothing written.
  await drop("mine.duebook");
  let f = await waitFor(page, (s) => s.ledger_file.mode === "open" && s.ledger_file.dry_run, "the dry run");
  assert.equal(f.ledger_file.added, f.ledger_file.file_events);
  assert.equal(f.invoices, 0, "nothing written by the dry run");
  await shot("open-dry-run");
  await clickItem(page, "ledger_file.apply");
  f = await waitFor(page, (s) => s.ledger_file.written === true && s.invoices === 2, "opened", 20000);
  assert.equal(f.customers, 1);
  await waitSaved(page, 20000);

  // The diverged copy: one conflict, listed; the button does nothing until it is decided.
  await drop("theirs.duebook");
  f = await waitFor(page, (s) => s.ledger_file.mode === "merge" && s.ledger_file.dry_run, "the merge's dry run");
  assert.equal(f.ledger_file.conflicts.length, 1);
  assert.match(f.ledger_file.conflicts[0].what, /INV-2026-0002/);
  await shot("merge-conflict");
  await clickItem(page, "ledger_file.apply");
  await page.waitForTimeout(500);
  f = await state(page);
  assert.equal(f.ledger_file.dry_run, true, "undecided: nothing was run");
  assert.equal(f.invoices, 2, "undecided: nothing was written");
  for (let attempt = 0; attempt < 4; ++attempt) {
    await clickItem(page, "ledger_file.conflict.0");
    await page.waitForTimeout(400);
    await clickItem(page, "ledger_file.conflict.0.both");
    await page.waitForTimeout(300);
    await clickItem(page, "ledger_file.apply");
    await page.waitForTimeout(500);
    if ((await state(page)).ledger_file.written) break;
    await page.keyboard.press("Escape");
  }
  f = await waitFor(page, (s) => s.ledger_file.written === true && s.invoices === 3, "merged", 20000);
  assert.equal(f.ledger_file.renumbered.length, 1);
  assert.match(f.ledger_file.renumbered[0], /INV-2026-0002 -> INV-2026-0003/);
  await shot("merged");
  await waitSaved(page, 20000);

  // The same file again: already contained, nothing to add.
  await drop("theirs.duebook");
  f = await waitFor(page, (s) => s.ledger_file.mode === "contained", "contained");
  assert.equal(f.invoices, 3);

  // A tampered file: one line's text changed after the hashes were written.
  const original = readFileSync(path.join(work, "theirs.duebook"), "utf8");
  const tampered = original.replace("Photography", "Photograph!");
  assert.notEqual(tampered, original);
  await drop("tampered.duebook", tampered);
  f = await waitFor(page, (s) => s.ledger_file.error !== "", "refused");
  assert.match(f.ledger_file.error, /tampered\.duebook/);
  assert.match(f.ledger_file.error, /event \d+|hash/);
  assert.equal(f.invoices, 3, "nothing changed");
  await shot("tampered");
});

test("the window exports the ledger as a .duebook file that the CLI opens to the same books", async () => {
  await waitItem(page, "ledger_file.export", 5000);
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 20000 }),
    clickItem(page, "ledger_file.export")]);
  assert.match(download.suggestedFilename(), /^duebook-\d{4}-\d\d-\d\d\.duebook$/);
  const file = path.join(work, "exported.duebook");
  copyFileSync(await download.path(), file);
  cli("c.sqlite", "init");
  cli("c.sqlite", "import", "--ledger", file);
  cli("c.sqlite", "verify");
  const invoices = cli("c.sqlite", "--format", "csv", "invoice", "list").trim().split("\n").slice(1);
  assert.equal(invoices.length, 3, invoices.join("\n"));
  assert.ok(invoices.some((l) => l.includes("INV-2026-0003")), "the renumbered invoice travelled");
});
