// Browser end-to-end test of the Collect tab on the demo ledger (made from the welcome screen, as of the page's
// day). Options compared for a late customer: the cheapest column is the one with the most cash expected, and
// every figure matches `duebook report options` run on the same demo (made by the native CLI for the same day)
// for the same invoices and assumptions, one of them edited inline first. Then interest under the EU policy is
// applied from Charges and shows on the customer's page, and an installment plan whose amounts sum exactly to
// what is owed is saved. Screenshots go to $DUEBOOK_ARTIFACTS (collect-*.png).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { artifacts, clickItem, freshSession, selectAllAndType, state, typeText, waitFor, waitItem,
  waitSaved } from "./helpers.mjs";

const CLI = process.env.DUEBOOK_CLI;
const CUSTOMER = "Paloma Travel SL";  // a troubled payer in euros (core/ledger/demo_ledger.cpp)
let session, page, work, today;

before(async () => {
  assert.ok(CLI && existsSync(CLI), `the native CLI is built at DUEBOOK_CLI (${CLI}): build the debug preset`);
  session = await freshSession("collect");
  ({ page } = session);
  work = mkdtempSync(path.join(tmpdir(), "duebook-collect-"));
});

after(async () => {
  if (session) await session.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

const shot = (name) => page.screenshot({ path: path.join(artifacts, `collect-${name}.png`) });
const cli = (...args) => execFileSync(CLI, ["--db", path.join(work, "demo.sqlite"), ...args]).toString();

// "1,234.50" or "-12.00" (2 decimals, the CLI's CSV) as minor units, without floating point.
function minor(text) {
  const m = /^(-?)(\d+)\.(\d\d)$/.exec(text.replaceAll(",", ""));
  assert.ok(m, `an amount with two decimals: ${text}`);
  return (m[1] ? -1 : 1) * (Number(m[2]) * 100 + Number(m[3]));
}

// The rows of `duebook --format csv report options`, keyed by option.
function parseOptions(csv) {
  const [header, ...lines] = csv.trim().split(/\r?\n/);
  assert.equal(header, "option,currency,cash_today,expected_cash,versus_waiting,expected_days,annual_cost_percent");
  return Object.fromEntries(lines.map((line) => {
    const [option, , cash, expected, versus, days, cost] = line.split(",");
    return [option, { cash_today: minor(cash), expected_cash: minor(expected), versus_waiting: minor(versus),
      expected_days: days, annual_cost_percent: cost }];
  }));
}

test("the demo ledger, made in the browser and by the CLI for the same day", async () => {
  await clickItem(page, "welcome.demo");
  const s = await waitFor(page, (x) => x.demo === true && x.customers >= 30, "the demo to be made", 60000);
  today = s.as_of;
  const made = cli("demo", "--today", today);
  assert.match(made, /32 customers/);
  await waitSaved(page, 30000);
});

test("Options compared: the cheapest is highlighted and every figure matches duebook report options", async () => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.mouse.move(640, 360);
  await page.keyboard.press("Control+K");
  await waitItem(page, "palette.input");
  await typeText(page, "paloma");
  const s = await waitFor(page, (x) => x.palette.entries.some((e) => e.kind === "Customer"), "the customer found");
  const row = s.palette.entries.findIndex((e) => e.kind === "Customer" && e.label === CUSTOMER);
  assert.ok(row >= 0, JSON.stringify(s.palette.entries));
  await clickItem(page, `palette.row.${row}`);
  await waitFor(page, (x) => x.customer_page.name === CUSTOMER, "the customer's page");
  await clickItem(page, "customer_page.collect.options");
  let c = (await waitFor(page, (x) => x.collect.open && x.collect.options.rows.length === 7, "the seven options"))
    .collect;
  assert.equal(c.customer, CUSTOMER);
  assert.ok(c.chosen.length > 0, "the customer's overdue invoices are chosen");
  // The EU policy for the interest column, picked from its list; then one assumption edited inline.
  // The list opens over the table; a click that lands while it is still being placed is tried again.
  for (let attempt = 0; attempt < 4; ++attempt) {
    await clickItem(page, "options.policy");
    await page.waitForTimeout(400);
    await clickItem(page, "options.policy.eu");
    await page.waitForTimeout(300);
    if ((await state(page)).collect.options.policy === "eu-late-payment") break;
    await page.keyboard.press("Escape");
  }
  await waitFor(page, (x) => x.collect.options.policy === "eu-late-payment", "the EU policy chosen");
  const before = c.options.rows.find((r) => r.option === "discount").cash_today;
  await clickItem(page, "options.discount");
  await selectAllAndType(page, "3");
  c = (await waitFor(page, (x) => x.collect.options.rows.length === 7 &&
    x.collect.options.rows.find((r) => r.option === "discount").cash_today !== before &&
    x.collect.options.interest_percent !== "" && x.collect.options.problems.length === 0,
  "the figures to follow the edit")).collect;
  const o = c.options;
  const settle = Math.trunc(o.face * 7 / 10);  // the settlement's default: 70 % of the face, whole minor units
  const csv = cli("--format", "csv", "report", "options", "--invoices", c.chosen.join(","), "--as-of", today,
    "--discount", "3", "--interest", "eu-late-payment", "--factoring", "advance=80,fee=3",
    "--agency", "commission=25,success=60,days=60", "--installments", "3",
    "--settle", `${Math.trunc(settle / 100)}.${String(settle % 100).padStart(2, "0")}`);
  const expected = parseOptions(csv);
  assert.equal(Object.keys(expected).length, 7, csv);
  for (const r of o.rows) {
    const e = expected[r.option];
    assert.ok(e, `the CLI prints ${r.option}`);
    for (const k of ["cash_today", "expected_cash", "versus_waiting", "expected_days", "annual_cost_percent"])
      assert.equal(r[k], e[k], `${r.option}.${k}: the workbench shows what the CLI prints`);
  }
  const most = Math.max(...Object.values(expected).map((e) => e.expected_cash));
  assert.equal(expected[o.cheapest].expected_cash, most, `${o.cheapest} is the cheapest: the most cash expected`);
  await waitItem(page, "options.chart");
  await page.mouse.move(5, 5);
  await page.waitForTimeout(300);
  await shot("options-1280x720");
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.waitForTimeout(500);
  await page.mouse.move(6, 6);
  await page.waitForTimeout(300);
  await shot("options-1920x1080");
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.waitForTimeout(400);
});

test("Charges: interest under the EU policy, applied, shows on the customer's page", async () => {
  await clickItem(page, "collect.tab.charges");
  await clickItem(page, "charges.policy.eu");
  const c = (await waitFor(page, (x) => x.collect.charges.policy === "eu-late-payment" &&
    x.collect.charges.rows.some((r) => r.customer === CUSTOMER && r.interest > 0), "the EU preview")).collect;
  const mine = c.charges.rows.filter((r) => r.customer === CUSTOMER);
  for (const r of mine) assert.ok(Number(r.annual_rate) > 8, `the ECB rate + 8 points: ${r.annual_rate}`);
  await page.mouse.move(5, 5);
  await page.waitForTimeout(200);
  await shot("charges-preview");
  await clickItem(page, "charges.apply");
  await clickItem(page, "charges.apply");  // the second click confirms
  await waitFor(page, (x) => /done/.test(x.collect.charges.message), "the charges to be booked", 20000);
  await clickItem(page, "tab.customer_page");
  const s = await waitFor(page, (x) => x.customer_page.charges.some((ch) => ch.kind === "interest"),
    "the interest on the customer's page");
  const interest = s.customer_page.charges.filter((ch) => ch.kind === "interest");
  assert.equal(interest.reduce((a, ch) => a + ch.amount, 0), mine.reduce((a, r) => a + r.interest, 0),
    "what was booked is what the preview showed");
  assert.ok(interest.every((ch) => ch.status === "charged" && ch.charge_invoice !== ""));
  await page.mouse.move(5, 5);
  await page.waitForTimeout(200);
  await shot("customer-charges");
});

test("an installment plan whose amounts sum exactly is saved", async () => {
  await clickItem(page, "tab.collect");
  await clickItem(page, "collect.tab.plan");
  await clickItem(page, "plan.count");
  await selectAllAndType(page, "7");
  const c = (await waitFor(page, (x) => x.collect.plan.installments.length === 7, "seven installments")).collect;
  assert.equal(c.plan.installments.reduce((a, b) => a + b, 0), c.plan.open, "they add up to what is owed");
  assert.equal(c.plan.sum, c.plan.open);
  const spread = Math.max(...c.plan.installments) - Math.min(...c.plan.installments);
  assert.ok(spread <= 1, "equal shares, the leftover cents one each to the first");
  await page.mouse.move(5, 5);
  await page.waitForTimeout(200);
  await shot("plan");
  await clickItem(page, "plan.save");
  await clickItem(page, "plan.save");
  const s = await waitFor(page, (x) => /^Installment plan for Paloma Travel SL/.test(x.collect.plan.saved),
    "the plan to be saved", 20000);
  assert.match(s.undo, /Installment plan/);
  await waitSaved(page, 20000);
});
