// Browser end-to-end test of the editors and the look, on the demo ledger at 1280×720: a collections policy
// step's day moves the preview's dates and, saved and assigned, the customer's place on today's worklist; a
// message template with an unknown placeholder is warned about and cannot be saved, a good one is saved and
// previewed for a customer with several invoices; the dark theme, chosen in Settings, survives a reload.
// Screenshots of every screen in both themes go to $DUEBOOK_ARTIFACTS (editors-<theme>-<screen>.png). Last, the
// locale chosen in Settings > Formats rewrites the invoice list's amounts and dates (checked against the browser's
// Intl), survives a reload, and a reminder is previewed in German (editors-formats-*.png).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { artifacts, freshSession, clickItem, items, selectAllAndType, state, typeText, waitFor,
  waitItem, waitReady, waitSaved } from "./helpers.mjs";

let session, page;

before(async () => {
  session = await freshSession("editors", { viewport: { width: 1280, height: 720 } });
  ({ page } = session);
});

after(async () => {
  if (session) await session.close();
});

const shot = async (name) => {
  await page.waitForTimeout(150);
  await page.screenshot({ path: path.join(artifacts, `editors-${name}.png`) });
};

function addDays(iso, days) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

// Ctrl+K, `text`, Enter on the first row of `kind` labelled `label` (or the first row when none is given).
async function palette(text, kind, label) {
  await page.keyboard.press("Control+K");
  await waitItem(page, "palette.input");
  await typeText(page, text);
  const s = await waitFor(page, (x) => x.palette.query === text && x.palette.entries.length > 0, `rows for ${text}`);
  const index = s.palette.entries.findIndex((e) => e.kind === kind && (!label || e.label === label));
  assert.ok(index >= 0, `${kind} ${label || text} is among ${JSON.stringify(s.palette.entries)}`);
  for (let i = 0; i < index; ++i) await page.keyboard.press("ArrowDown");
  await waitFor(page, (x) => x.palette.cursor === index, "the highlight on the row");
  await page.keyboard.press("Enter");
  await waitFor(page, (x) => !x.palette.open, "the palette to close");
}

// Every screen of the app, as it stands, in the theme in force.
async function screens(theme, customer) {
  for (const tab of ["dashboard", "today", "customers", "invoices", "payments", "history", "policies", "templates"]) {
    await clickItem(page, `tab.${tab}`);
    await shot(`${theme}-${tab}`);
  }
  await palette(customer.slice(0, 6), "Customer", customer);
  await waitFor(page, (s) => s.customer_page.name === customer, "the customer's page");
  await shot(`${theme}-customer`);
  await clickItem(page, "menu.file");
  await clickItem(page, "menu.settings");
  for (const section of ["company", "appearance", "interest", "storage"]) {
    await clickItem(page, `settings.tab_${section}`);
    await shot(`${theme}-settings-${section}`);
  }
  await page.keyboard.press("Control+K");
  await waitItem(page, "palette.input");
  await typeText(page, "edit");
  await shot(`${theme}-palette`);
  await page.keyboard.press("Escape");
  await waitFor(page, (s) => !s.palette.open, "the palette to close");
}

let chosen;  // the worklist entry whose step the policy edit moves

test("the demo ledger is made, with work on today's list", async () => {
  await clickItem(page, "welcome.demo");
  await waitFor(page, (s) => s.demo === true && s.customers >= 30, "the demo to be made", 60000);
  await waitSaved(page, 30000);
  const s = await state(page);
  assert.equal(s.theme, "light", "a new profile in a light system starts light");
  assert.ok(s.today.entries.length > 0, "work on today's list");
});

test("a step's day moves the preview's dates; saved and assigned, the worklist follows", async () => {
  await clickItem(page, "menu.view");
  await clickItem(page, "menu.policies");
  const builtin = (await waitFor(page, (s) => s.policy_editor.policy_id === 0 && s.policy_editor.offsets.length > 0,
    "the built-in policy in the editor")).policy_editor.offsets;
  // An entry whose step k can be moved past its most overdue invoice without passing step k+1.
  const s = await state(page);
  chosen = s.today.entries.find((e) => !e.brought_forward && builtin[e.step_index] <= e.days_late &&
    (e.step_index + 1 === builtin.length || e.days_late + 1 < builtin[e.step_index + 1]));
  assert.ok(chosen, `an entry to move among ${JSON.stringify(s.today.entries)}`);
  const k = chosen.step_index;

  await palette(chosen.customer.slice(0, 6), "Customer", chosen.customer);
  await waitFor(page, (x) => x.customer_page.name === chosen.customer, "the customer's page");
  await clickItem(page, "customer_page.policy");
  const before = (await waitFor(page, (x) => x.policy_editor.for_customer === chosen.customer_id,
    "the editor on the customer's policy")).policy_editor;
  assert.deepEqual(before.offsets, builtin, "the demo's customers are chased by the built-in policy");
  assert.equal(before.preview[k], addDays(s.as_of, builtin[k]), "the sample invoice is due on the as-of day");

  const moved = chosen.days_late + 1;
  await clickItem(page, `policy.step.${k}.offset`);
  await selectAllAndType(page, String(moved));
  await page.keyboard.press("Enter");
  const after = (await waitFor(page, (x) => x.policy_editor.offsets[k] === moved, "the new day in the draft"))
    .policy_editor;
  assert.equal(after.preview[k], addDays(before.preview[k], moved - builtin[k]), "the preview's date moved");
  for (let i = 0; i < builtin.length; ++i) if (i !== k) assert.equal(after.preview[i], before.preview[i]);
  await shot("light-policy-edited");

  await clickItem(page, "policy.name");
  await selectAllAndType(page, "Patient");
  await clickItem(page, "policy.save");
  const saved = await waitFor(page, (x) => x.policy_editor.message.startsWith("Chase "), "saved and assigned", 10000);
  assert.ok(saved.policy_editor.policy_id > 0, "a new policy was saved");
  assert.match(saved.policy_editor.message, new RegExp(`Chase ${chosen.customer} by policy Patient`));
  await clickItem(page, "tab.today");
  const now = await waitFor(page, (x) => {
    const e = x.today.entries.find((y) => y.customer_id === chosen.customer_id);
    return !e || e.step_index < k;
  }, "the worklist to follow the new policy");
  const e = now.today.entries.find((y) => y.customer_id === chosen.customer_id);
  console.log(`${chosen.customer}: step ${k} moved to day ${moved}; now ${e ? `step ${e.step_index}` : "not due"}`);
});

test("a template with an unknown placeholder is warned about; a good one is saved and previewed", async () => {
  await clickItem(page, "tab.templates");
  let s = await waitFor(page, (x) => x.template_editor.lines >= 2, "a preview for a customer with several invoices");
  assert.match(s.template_editor.preview_body, /\d{4}-\d{2}-\d{2}[\s\S]*\d{4}-\d{2}-\d{2}/,
    "the invoice table lists the invoices with their due dates");
  await clickItem(page, "template.subject");
  await page.keyboard.press("End");
  await typeText(page, " {{invoice_numbrs}}");
  s = await waitFor(page, (x) => x.template_editor.warnings.length > 0, "the warning");
  assert.match(s.template_editor.warnings[0], /invoice_numbrs/);
  await waitItem(page, "template.warnings");
  await shot("light-template-warning");
  await clickItem(page, "template.save");  // refused: nothing saved
  assert.equal((await state(page)).template_editor.customised, false);

  await clickItem(page, "template.subject");
  await selectAllAndType(page, "Still open: {{invoice_numbers}}");
  s = await waitFor(page, (x) => x.template_editor.warnings.length === 0 &&
    x.template_editor.preview_subject.startsWith("Still open: "), "the warning gone, the preview rendered");
  await clickItem(page, "template.save");
  s = await waitFor(page, (x) => x.template_editor.customised, "the template saved");
  assert.equal(s.undo, "Save message template " + s.template_editor.id);
});

test("every screen in the light theme; the dark theme chosen in Settings survives a reload", async () => {
  await screens("light", chosen.customer);
  await clickItem(page, "menu.file");
  await clickItem(page, "menu.settings");
  await clickItem(page, "settings.tab_appearance");
  await clickItem(page, "settings.theme_dark");
  await waitFor(page, (s) => s.theme === "dark", "the dark theme at once");
  assert.equal(await page.evaluate(() => localStorage.getItem("duebook.theme")), "dark");
  await page.reload();
  await waitReady(page);
  await waitFor(page, (s) => s.theme === "dark" && s.customers >= 30, "the dark theme after a reload");
  await screens("dark", chosen.customer);
  const kept = (await state(page)).template_editor;
  assert.ok(kept.customised && kept.preview_subject.startsWith("Still open: "), "the saved wording, after a reload");
  await palette("toggle theme", "Action");
  await waitFor(page, (s) => s.theme === "light", "Toggle theme back to light");
});

// The browser's own CLDR data (Intl) as the oracle: how `locale` writes `minor` units of `currency`.
function intlMoney(locale, minor, currency) {
  const digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits;
  const number = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits })
    .format(minor / 10 ** digits);
  return `${number}\u00a0${currency}`;
}

// Settings > Formats, clicked again if the click landed while the window was being laid out (its tabs move
// on the frame after it appears).
async function openFormatsTab() {
  await waitItem(page, "settings.window");
  for (let tries = 0; ; ++tries) {
    await clickItem(page, "settings.tab_formats");
    try {
      await waitItem(page, "settings.locale_system", 1000);
      return;
    } catch (e) {
      if (tries === 2) throw e;
    }
  }
}

test("amounts and dates follow the locale chosen in Settings > Formats; a German reminder is previewed", async () => {
  await clickItem(page, "tab.invoices");
  const cents = (r) => ["EUR", "GBP", "USD"].includes(r.currency) && r.open > 100000;
  let s = await waitFor(page, (x) => x.invoice_list.rows.some(cents), "invoices over 1,000 listed");
  const tag = await page.evaluate(() => navigator.language);
  const followed = { en: tag === "en-GB" ? "en-GB" : "en-US", de: "de-DE", fr: "fr-FR", es: "es-ES" }[tag.split("-")[0]];
  assert.equal(s.locale, followed || "en-US", `a new profile follows the browser's navigator.language (${tag})`);
  const big = s.invoice_list.rows.find(cents);
  if (s.locale === "en-US")
    assert.match(big.open_text, new RegExp(`^${big.currency} \\d{1,3}(,\\d{3})+\\.\\d{2}$`), "en-US: EUR 1,234.56");
  await clickItem(page, "menu.file");
  await clickItem(page, "menu.settings");
  await openFormatsTab();
  for (const [locale, date] of [["de-DE", (y, m, d) => `${d}.${m}.${y}`], ["fr-FR", (y, m, d) => `${d}/${m}/${y}`]]) {
    await clickItem(page, `settings.locale_${locale}`);
    s = await waitFor(page, (x) => x.locale === locale, `${locale} in force at once`);
    assert.equal(await page.evaluate(() => localStorage.getItem("duebook.locale")), locale, "kept on this device");
    for (const r of s.invoice_list.rows.slice(0, 8)) {
      assert.equal(r.open_text, intlMoney(locale, r.open, r.currency), `${locale}: ${r.number} open ${r.open}`);
      const [y, m, d] = r.due.split("-");
      assert.equal(r.due_text, date(y, m, d), `${locale}: ${r.number} due ${r.due}`);
    }
  }
  await clickItem(page, "settings.locale_de-DE");
  await waitFor(page, (x) => x.locale === "de-DE", "de-DE again");
  await shot("formats-settings");
  await page.reload();
  await waitReady(page);
  s = await waitFor(page, (x) => x.locale === "de-DE" && x.customers >= 30, "de-DE after a reload");
  await clickItem(page, "tab.invoices");
  s = await waitFor(page, (x) => x.invoice_list.rows.length > 0, "the invoice list after the reload");
  for (const r of s.invoice_list.rows.slice(0, 8)) {
    assert.match(r.due, /^\d{4}-\d{2}-\d{2}$/, "what is stored is ISO still");
    assert.equal(r.open_text, intlMoney("de-DE", r.open, r.currency), "de-DE after the reload");
  }

  // Dates are typed the German way (or in ISO 8601); the American order is refused, saying the form expected.
  const iso = (d) => d.toISOString().slice(0, 10);
  const back = new Date(`${s.as_of}T00:00:00Z`);
  back.setUTCDate(back.getUTCDate() - 10);
  const [by, bm, bd] = iso(back).split("-");
  await clickItem(page, "asof.date");
  await selectAllAndType(page, `${bd}.${bm}.${by}`);
  await page.keyboard.press("Enter");
  await waitFor(page, (x) => x.as_of === iso(back), `the as-of date typed as ${bd}.${bm}.${by}`);
  await waitItem(page, "asof.planning", 5000);  // marked as planning; the field stays where it was
  await clickItem(page, "asof.date");
  await selectAllAndType(page, `${bm}/${bd}/${by}`);
  await page.keyboard.press("Enter");
  await waitItem(page, "asof.error", 10000);
  assert.equal((await state(page)).as_of, iso(back), "a refused date changes nothing");
  await clickItem(page, "asof.today");
  await waitFor(page, (x) => x.as_of === x.local_today, "back to today");

  await clickItem(page, "tab.templates");
  await waitItem(page, "template.language.de");
  await clickItem(page, "template.language.de");
  s = await waitFor(page, (x) => x.template_editor.language === "de" && x.template_editor.preview_body.length > 0,
    "the German wording previewed");
  assert.match(s.template_editor.preview_subject, /^Zahlungserinnerung: (Rechnung |\d+ Rechnungen)/);
  assert.match(s.template_editor.preview_body, /^Guten Tag /);
  assert.match(s.template_editor.preview_body, /\d,\d{2}\u00a0[A-Z]{3}/, "amounts written the German way");
  assert.match(s.template_editor.preview_body, /\d{2}\.\d{2}\.\d{4}/, "dates written the German way");
  assert.doesNotMatch(s.template_editor.preview_body, /\d{4}-\d{2}-\d{2}/);
  await shot("formats-template-de");
  await clickItem(page, "template.language.en");
  await waitFor(page, (x) => x.template_editor.language === "en", "back to English");
  await clickItem(page, "menu.file");
  await clickItem(page, "menu.settings");
  await openFormatsTab();
  await clickItem(page, "settings.locale_system");
  await waitFor(page, (x) => x.locale === (followed || "en-US"), "following the browser again");
});
