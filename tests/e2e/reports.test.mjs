// Browser end-to-end test of the Reports tab on the demo ledger (the welcome screen's "Explore the demo"): the
// aging adds up to the dashboard's receivable, moves when the bucket edges or the basis change and still adds
// up; a click on an amount lists exactly the invoices behind it and one opens; the CSV download adds up to the
// screen; a customer's statement balances; the collection measures sort; the forecast sits beside its
// backtest; Ctrl+K finds each report. Screenshots at 1280×720 and 1920×1080 go to $DUEBOOK_ARTIFACTS
// (reports-*.png).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { artifacts, clickItem, freshSession, items, selectAllAndType, state, typeText, waitFor,
  waitItem } from "./helpers.mjs";

let session, page;

before(async () => {
  session = await freshSession("reports");
  ({ page } = session);
  await page.setViewportSize({ width: 1280, height: 720 });
});

after(async () => {
  if (session) await session.close();
});

const shot = async (name) => {
  await page.mouse.move(3, 3);
  await page.waitForTimeout(250);
  await page.screenshot({ path: path.join(artifacts, `reports-${name}.png`) });
};
const sum = (xs) => xs.reduce((a, b) => a + b, 0);
const aging = async () => (await state(page)).reports.aging;

// Picks report `k` of the picker, clicking again if a busy frame missed the click, until `title` is shown.
async function pick(k, title) {
  for (let attempt = 0; attempt < 3; ++attempt) {
    await clickItem(page, `reports.pick.${k}`);
    try {
      return await waitFor(page, (s) => s.reports.report === title, `the ${title} report`, 3000);
    } catch (e) {
      if (attempt === 2) throw e;
    }
  }
}

// RFC 4180 records of `text` (quoted fields may hold commas).
function parseCsv(text) {
  const rows = [];
  let row = [], field = "", quoted = false;
  for (let i = 0; i < text.length; ++i) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; ++i; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(field); field = ""; }
    else if (c === "\n") { row.push(field.replace(/\r$/, "")); rows.push(row); row = []; field = ""; }
    else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}
// "1234.50" -> 123450 minor units (the CSV writes each currency's minor digits, so the point only separates them).
const minor = (text) => Number(text.replace(".", ""));

test("the demo's aging adds up to the dashboard's receivable, by currency", async () => {
  await waitItem(page, "welcome.demo");
  await clickItem(page, "welcome.demo");
  await waitFor(page, (s) => s.demo === true && s.customers >= 30, "the demo to be made", 60000);
  await clickItem(page, "tab.dashboard");
  const d = (await waitFor(page, (s) => s.dashboard.issued > 0, "the dashboard", 30000)).dashboard;
  await clickItem(page, "tab.reports");
  await waitItem(page, "reports.title");
  const a = (await waitFor(page, (s) => s.reports.aging.currencies?.length > 0, "the aging")).reports.aging;
  assert.deepEqual(a.limits, [0, 30, 60, 90]);
  assert.equal(a.basis, "due_date");
  for (const c of a.currencies) {
    const dash = d.currencies.find((x) => x.currency === c.currency);
    assert.ok(dash, `${c.currency} is on the dashboard too`);
    assert.equal(c.total, dash.receivable, `${c.currency}: the aging's total is the receivable`);
    assert.deepEqual(c.buckets, dash.aging, `${c.currency}: the same buckets as the dashboard's chart`);
    assert.equal(sum(c.customers.map((x) => x.total)), c.total, `${c.currency}: the customers add up`);
  }
  await shot("aging-1280x720");
});

test("new bucket edges and the issue-date basis move the buckets; the total stays the receivable", async () => {
  const before = await aging();
  await clickItem(page, "reports.aging.limits");
  await selectAllAndType(page, "15, 30, 45, 60");
  const after = await waitFor(page, (s) => JSON.stringify(s.reports.aging.limits) === "[15,30,45,60]", "the new edges")
    .then((s) => s.reports.aging);
  assert.equal(after.buckets.length, 5);
  assert.deepEqual(after.buckets, ["≤15", "16-30", "31-45", "46-60", "60+"]);
  for (const c of after.currencies) {
    const old = before.currencies.find((x) => x.currency === c.currency);
    assert.equal(sum(c.buckets), old.total, `${c.currency}: the new buckets still add up to the receivable`);
    assert.equal(c.total, old.total);
  }
  assert.notDeepEqual(after.currencies.map((c) => c.buckets), before.currencies.map((c) => c.buckets),
    "the amounts moved between buckets");
  await shot("aging-15-60");
  await clickItem(page, "reports.aging.by_issue");
  const issue = (await waitFor(page, (s) => s.reports.aging.basis === "invoice_date", "the issue-date basis")).reports.aging;
  for (const c of issue.currencies) {
    const old = before.currencies.find((x) => x.currency === c.currency);
    assert.equal(sum(c.buckets), old.total, `${c.currency}: by issue date the total is the same`);
  }
  assert.notDeepEqual(issue.currencies.map((c) => c.buckets), after.currencies.map((c) => c.buckets));
  await clickItem(page, "reports.aging.by_due");
  await waitFor(page, (s) => s.reports.aging.basis === "due_date", "back to the due date");
});

test("a click on an amount lists the invoices behind it, and one opens", async () => {
  const a = await aging();
  const lower = [null, 15, 30, 45, 60], upper = [15, 30, 45, 60, null];
  // The first currency's customer with the most in the 31-45 bucket.
  const c = a.currencies[0];
  const b = 2;
  const who = [...c.customers].sort((x, y) => y.buckets[b] - x.buckets[b])[0];
  assert.ok(who.buckets[b] > 0, `someone owes ${c.currency} 31-45 days past due`);
  await clickItem(page, `reports.aging.cell.${c.currency}.${who.name}.${b}`);
  const drill = (await waitFor(page, (s) => s.reports.aging.drill.active && s.reports.aging.drill.bucket === b,
    "the drill-down")).reports.aging.drill;
  assert.equal(drill.currency, c.currency);
  assert.ok(drill.rows.length > 0);
  assert.equal(sum(drill.rows.map((r) => r.open)), who.buckets[b], "the invoices add up to the cell");
  for (const r of drill.rows) {
    assert.ok(r.age > lower[b] && r.age <= upper[b], `${r.number} is ${r.age} days past due, in 31-45`);
  }
  await waitItem(page, `reports.drill.${drill.rows[0].number}`);
  await shot("aging-drill");
  await clickItem(page, `reports.drill.${drill.rows[0].number}`);
  await waitFor(page, (s) => s.invoice_window === drill.rows[0].id, "the invoice to open");
  await waitItem(page, "invoice_window.number");
  await clickItem(page, "tab.reports");
  await waitItem(page, "reports.title");
});

test("the aging's CSV download adds up to the screen", async () => {
  const a = await aging();
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 15000 }),
    clickItem(page, "reports.aging.export")]);
  assert.match(download.suggestedFilename(), /^duebook-aging-\d{4}-\d\d-\d\d\.csv$/);
  const text = readFileSync(await download.path(), "utf8");
  const rows = parseCsv(text);
  assert.deepEqual(rows[0], ["currency", "customer", ...a.buckets, "total", "unapplied_credit"]);
  const nb = a.buckets.length;
  for (const c of a.currencies) {
    const mine = rows.slice(1).filter((r) => r[0] === c.currency);
    const total = mine.find((r) => r[1] === "TOTAL");
    assert.ok(total, `${c.currency} has a TOTAL row`);
    assert.deepEqual(total.slice(2, 2 + nb).map(minor), c.buckets, `${c.currency}: the CSV's buckets are the screen's`);
    assert.equal(minor(total[2 + nb]), c.total);
    const customers = mine.filter((r) => r[1] !== "TOTAL");
    for (let k = 0; k < nb; ++k)
      assert.equal(sum(customers.map((r) => minor(r[2 + k]))), c.buckets[k], `${c.currency}: column ${a.buckets[k]} adds up`);
  }
  await waitFor(page, (s) => s.reports.aging.status.startsWith("Exported the aging"), "the export's status line");
});

test("a customer's statement balances: brought forward + lines = balance due = open − credit", async () => {
  const a = await aging();
  // The customer first by name (at the top of the picker's list).
  const who = a.currencies.flatMap((c) => c.customers.map((x) => x.name)).sort()[0];
  await pick(1, "Statement");
  await waitItem(page, "reports.statement.customer");
  // The list pops up sized on its first frame and placed on the next: let it settle before clicking a name.
  let st;
  for (let attempt = 0; attempt < 3 && !st; ++attempt) {
    await clickItem(page, "reports.statement.customer");
    await waitItem(page, `reports.statement.customer.${who}`);
    await page.waitForTimeout(200);
    await clickItem(page, `reports.statement.customer.${who}`);
    st = await waitFor(page, (s) => s.reports.statement.customer === who, "the statement", 4000)
      .then((s) => s.reports.statement, (e) => { if (attempt === 2) throw e; return undefined; });
  }
  assert.ok(st.currencies.length > 0);
  for (const c of st.currencies) {
    assert.equal(c.opening + c.sum, c.closing, `${c.currency}: brought forward + lines = balance due`);
    assert.equal(c.aging_total - c.credit, c.closing, `${c.currency}: balance due = open − unapplied credit`);
    assert.equal(sum(c.aging), c.aging_total);
  }
  await shot("statement");
});

test("the collection measures list every customer and sort by a column", async () => {
  await pick(2, "Collection measures");
  const m = (await waitFor(page, (s) => s.reports.measures.rows > 0, "the measures")).reports.measures;
  assert.ok(m.rows >= 30, `a row per customer and currency (${m.rows})`);
  await clickItem(page, "reports.measures.column.2");  // Open: largest first
  const sorted = (await waitFor(page, (s) => s.reports.measures.sort_column === 2, "sorted by open")).reports.measures;
  const opens = sorted.first.map((r) => r.open);
  assert.deepEqual(opens, [...opens].sort((x, y) => (sorted.descending ? y - x : x - y)), "the rows are in order");
  await shot("measures");
});

test("the forecast beside its backtest: each week's error is |forecast − received|", async () => {
  await pick(3, "Forecast vs backtest");
  const f = (await waitFor(page, (s) => s.reports.forecast.made_on, "the backtest", 15000)).reports.forecast;
  assert.equal(f.expected.length, 13);
  for (let w = 0; w < 13; ++w) assert.equal(f.error[w], Math.abs(f.expected[w] - f.actual[w]), `week ${w + 1}`);
  assert.ok(f.total_actual > 0, "payments came in during the 13 weeks");
  await waitItem(page, "reports.forecast.chart");
  await shot("forecast-1280x720");
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.waitForTimeout(400);
  await shot("forecast-1920x1080");
  await pick(0, "Aging");
  await shot("aging-1920x1080");
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.waitForTimeout(400);
});

test("Ctrl+K finds each report", async () => {
  for (const [typed, title] of [["backtest", "Forecast vs backtest"], ["measures", "Collection measures"],
    ["statement", "Statement"], ["aging", "Aging"]]) {
    await page.mouse.move(640, 360);
    await page.keyboard.press("Control+K");
    await waitFor(page, (s) => s.palette.open, "the palette to open");
    await waitItem(page, "palette.input");
    await typeText(page, typed);
    const s = await waitFor(page, (x) => x.palette.query === typed && x.palette.entries.length > 0, "results");
    const index = s.palette.entries.findIndex((e) => e.label === `Report: ${title}`);
    assert.ok(index >= 0, `Report: ${title} among ${JSON.stringify(s.palette.entries)}`);
    for (let i = 0; i < index; ++i) await page.keyboard.press("ArrowDown");
    await waitFor(page, (x) => x.palette.cursor === index, "the highlight on the report");
    await page.keyboard.press("Enter");
    await waitFor(page, (x) => !x.palette.open && x.reports.report === title, `the ${title} report`);
    assert.ok((await items(page))["reports.title"]);
  }
});
