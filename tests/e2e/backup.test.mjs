// "Back up now": the button in the status bar downloads the whole ledger as a SQLite file named by today's date,
// the time is remembered and shown, and the bar reminds the user when the last backup is too old.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { addCustomer, artifacts, clickItem, items, openContext, startServer, stopServer, waitItem, waitReady,
  waitSaved } from "./helpers.mjs";

let server, url;
const temporary = [];
function tempDir(prefix) {
  const d = mkdtempSync(path.join(tmpdir(), prefix));
  temporary.push(d);
  return d;
}

before(async () => { ({ url, process: server } = await startServer()); });
after(async () => {
  if (server) await stopServer(server);
  for (const d of temporary) rmSync(d, { recursive: true, force: true });
});

const DAY = 24 * 60 * 60 * 1000;
// The workbench draws on input: a small mouse move makes it draw a frame with what localStorage says now.
let wiggle = 0;
async function redraw(p) {
  await p.mouse.move(600 + (++wiggle % 2), 300);
  await p.waitForTimeout(100);
}
const localDay = (p) => p.evaluate(() => {
  const d = new Date(), two = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
});

test("Back up now downloads the ledger as a SQLite file holding the customers, and is remembered", async () => {
  const ctx = await openContext(tempDir("duebook-backup-"), url);
  const page = ctx.pages()[0];
  await page.goto(url);
  await waitReady(page);
  await waitItem(page, "backup.now");
  await waitItem(page, "backup.reminder");  // never backed up: the bar says so in the reminder colour
  await addCustomer(page, "Backed Up Ltd", "EUR");
  await waitSaved(page);

  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 10000 }),
    clickItem(page, "backup.now")]);
  assert.equal(download.suggestedFilename(), `duebook-ledger-${await localDay(page)}.sqlite`);
  const file = path.join(tempDir("duebook-backup-file-"), download.suggestedFilename());
  copyFileSync(await download.path(), file);
  const bytes = readFileSync(file);
  assert.equal(bytes.subarray(0, 16).toString("latin1"), "SQLite format 3\0", "the file is a SQLite database");
  // Read by another SQLite (Python's): the file is whole and holds the customer.
  const read = JSON.parse(execFileSync("python3", ["-c", `
import json, sqlite3, sys
db = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
print(json.dumps({"integrity": db.execute("PRAGMA integrity_check").fetchone()[0],
                  "customers": [r[0] for r in db.execute("SELECT name FROM customers ORDER BY name")]}))`, file]));
  assert.deepEqual(read, { integrity: "ok", customers: ["Backed Up Ltd"] });

  // Remembered and shown; no reminder now.
  await redraw(page);
  const last = await page.evaluate(() => Number(localStorage.getItem("duebook.lastBackup")));
  assert.ok(Date.now() - last < 60000, "the time of the backup is remembered");
  await waitItem(page, "backup.last");
  assert.equal((await items(page))["backup.reminder"], undefined, "no reminder right after a backup");
  const bar = await waitItem(page, "backup.now");
  await page.screenshot({ path: path.join(artifacts, "backup-bar.png"),
    clip: { x: 0, y: Math.max(0, bar[1] - 40), width: 1280, height: 80 } });
  await page.reload();
  await waitReady(page);
  await waitItem(page, "backup.last");
  await ctx.close();
});

test("the bar reminds the user when the last backup is older than the chosen number of days", async () => {
  const ctx = await openContext(tempDir("duebook-backup-"), url);
  const page = ctx.pages()[0];
  await page.goto(url);
  await waitReady(page);
  // Eight days ago, with the default reminder (7 days): due.
  await page.evaluate((t) => localStorage.setItem("duebook.lastBackup", String(t)), Date.now() - 8 * DAY);
  await redraw(page);
  await waitItem(page, "backup.reminder");
  assert.equal((await items(page))["backup.last"], undefined);
  await page.screenshot({ path: path.join(artifacts, "backup-reminder.png") });
  // Six days ago: not due.
  await page.evaluate((t) => localStorage.setItem("duebook.lastBackup", String(t)), Date.now() - 6 * DAY);
  await redraw(page);
  await waitItem(page, "backup.last");
  assert.equal((await items(page))["backup.reminder"], undefined);
  // A reminder after 3 days instead: due again.
  await page.evaluate(() => localStorage.setItem("duebook.backupReminderDays", "3"));
  await redraw(page);
  await waitItem(page, "backup.reminder");
  await ctx.close();
});

test("Settings shows persist()'s answer, the storage estimate and the last backup, and sets the reminder", async () => {
  const ctx = await openContext(tempDir("duebook-settings-"), url);
  const page = ctx.pages()[0];
  await page.goto(url);
  await waitReady(page);
  await addCustomer(page, "Settled Ltd", "EUR");
  await waitSaved(page);
  await page.evaluate((t) => localStorage.setItem("duebook.lastBackup", String(t)), Date.now() - 2 * DAY);
  await clickItem(page, "menu.file");
  await clickItem(page, "menu.settings");
  await waitItem(page, "settings.window");
  await clickItem(page, "settings.tab_storage");
  // What the browser answered, as the page itself sees it.
  const facts = await page.evaluate(async () => ({ persisted: await navigator.storage.persisted(),
    estimate: await navigator.storage.estimate() }));
  const stored = await page.evaluate(() => window.duebook.storage());
  assert.equal(stored.persisted, facts.persisted, "the answer shown is persist()'s");
  assert.ok(stored.quota > 0 && stored.usage > 0, "an estimate is there to show");
  await waitItem(page, "settings.persisted");
  await waitItem(page, "settings.estimate");
  await waitItem(page, "settings.last_backup");
  // The reminder period: 7 by default; two clicks on "+" make it 9, kept in localStorage.
  const days = await waitItem(page, "settings.reminder_days");
  const plus = [days[0] + days[2] - 8, days[1] + days[3] / 2];
  for (let i = 0; i < 2; ++i) {
    await page.mouse.click(plus[0], plus[1]);
    await page.waitForTimeout(120);
  }
  await redraw(page);
  assert.equal(await page.evaluate(() => localStorage.getItem("duebook.backupReminderDays")), "9");
  await page.screenshot({ path: path.join(artifacts, "settings.png") });
  await ctx.close();
});
