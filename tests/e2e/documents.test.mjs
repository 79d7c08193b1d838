// Browser end-to-end test of the PDF documents: a logo chosen in Settings, a customer and an invoice typed in,
// then the invoice window's "PDF" buttons download the invoice (with the logo, read back by pdfimages) and a
// reminder, which pdftotext reads back (names, numbers, amounts, the reminder's deadline), and the customer
// page's evidence pack is timed. Real mouse and keyboard input; the
// PDFs and screenshots go to $DUEBOOK_ARTIFACTS.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { artifacts, clickItem, openContext, selectAllAndType, startServer, state, waitFor, waitItem,
  waitReady } from "./helpers.mjs";

const CUSTOMER = "Café Müller & Söhne";
let server, url, profile, context, page;

before(async () => {
  ({ url, process: server } = await startServer());
  profile = mkdtempSync(path.join(tmpdir(), "duebook-documents-"));
  context = await openContext(profile, url, { acceptDownloads: true });
  page = context.pages()[0] || await context.newPage();
  page.on("pageerror", (e) => console.error("page error:", e.message));
  await page.goto(url);
  await waitReady(page);
  mkdirSync(artifacts, { recursive: true });
});

after(async () => {
  if (context) await context.close();
  if (server) server.kill();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

async function type(name, text) {
  await clickItem(page, name);
  await selectAllAndType(page, text);
}

// Clicks `item` and returns the downloaded PDF's text (pdftotext -layout), keeping the file in artifacts.
async function download(item, keepAs) {
  const [file] = await Promise.all([page.waitForEvent("download", { timeout: 30000 }), clickItem(page, item)]);
  assert.match(file.suggestedFilename(), /\.pdf$/);
  const kept = path.join(artifacts, keepAs);
  copyFileSync(await file.path(), kept);
  return execFileSync("pdftotext", ["-layout", kept, "-"], { stdio: ["ignore", "pipe", "ignore"] }).toString();
}

test("a logo chosen in Settings › Company is saved with the ledger", async () => {
  // The picture: a 240 × 80 PNG cut from the page itself.
  const logo = await page.screenshot({ clip: { x: 0, y: 0, width: 240, height: 80 }, type: "png" });
  const before = (await state(page)).events;
  await clickItem(page, "menu.file");
  await clickItem(page, "menu.settings");
  await clickItem(page, "settings.tab_company");
  const [chooser] = await Promise.all([page.waitForEvent("filechooser", { timeout: 10000 }),
    clickItem(page, "settings.logo_choose")]);
  await chooser.setFiles({ name: "not-a-logo.png", mimeType: "image/png", buffer: Buffer.from("hello") });
  await waitFor(page, (s) => /not-a-logo\.png: not a PNG or JPEG picture/.test(s.settings.logo_message),
    "the file that is no picture to be refused");
  assert.equal((await state(page)).events, before, "nothing is saved");
  const [again] = await Promise.all([page.waitForEvent("filechooser", { timeout: 10000 }),
    clickItem(page, "settings.logo_choose")]);
  await again.setFiles({ name: "logo.png", mimeType: "image/png", buffer: logo });
  await waitFor(page, (s) => s.events === before + 1, "the logo to be saved");
  assert.match((await state(page)).settings.logo, /^PNG, 240 × 80 pixels/);
  await page.screenshot({ path: path.join(artifacts, "documents-settings-logo.png") });
  await page.keyboard.press("Escape");
  await waitFor(page, (s) => !s.settings.open, "Escape to close the settings");
});

test("an invoice downloads as a PDF with its customer, lines and amount due", async () => {
  await clickItem(page, "tab.customers");
  await type("customer.name", CUSTOMER);
  await type("customer.currency", "EUR");
  await type("customer.billing_name", "Åsa Lindqvist");
  await clickItem(page, "customer.save");
  await waitFor(page, (s) => s.customers === 1, "the customer to be added");
  await clickItem(page, "tab.invoices");
  await type("invoice.customer", CUSTOMER);
  await type("invoice.date", "2026-01-05");
  await type("invoice.line.0.description", "Drehmomentschlüssel");
  await type("invoice.line.0.quantity", "2");
  await type("invoice.line.0.price", "149.50");
  await clickItem(page, "invoice.issue");
  await waitFor(page, (s) => s.invoices === 1, "the invoice to be issued");
  await clickItem(page, "tab.customers");
  await clickItem(page, `customers.open.${CUSTOMER}`);
  await waitFor(page, (s) => s.customer_page.id > 0, "the customer page to open");
  await clickItem(page, "customer_page.invoice.INV-2026-0001");
  await waitItem(page, "invoice_window.pdf", 3000);
  await page.screenshot({ path: path.join(artifacts, "documents-invoice-window.png") });
  const text = await download("invoice_window.pdf", "documents-invoice.pdf");
  assert.match(text, /Café Müller & Söhne/);
  assert.match(text, /Attn: Åsa Lindqvist/);
  assert.match(text, /Invoice number +INV-2026-0001/);
  assert.match(text, /Drehmomentschlüssel/);
  assert.match(text, /Amount due +EUR 299\.00/);
  const images = execFileSync("pdfimages", ["-list", path.join(artifacts, "documents-invoice.pdf")]).toString();
  assert.match(images, /^ +1 +0 +image +240 +80 +rgb /m, "the logo is on the invoice");
});

test("a reminder downloads and is recorded on the customer's timeline", async () => {
  const before = (await state(page)).events;
  const text = await download("invoice_window.pdf_reminder", "documents-reminder.pdf");
  assert.match(text, /Payment reminder/);
  assert.match(text, /Total now due +EUR 299\.00/);
  assert.match(text, /Please pay EUR 299\.00 by \d{4}-\d{2}-\d{2} \(14 days\)/);
  await waitFor(page, (s) => s.events === before + 1, "the reminder to be recorded");
});

test("200 more reminders, then the customer's evidence pack of every one is timed", async () => {
  // Each click renders a reminder PDF (a download) and records it: one event, one timeline entry each.
  const first = (await state(page)).events;
  for (let i = 1; i <= 200; ++i) {
    await clickItem(page, "invoice_window.pdf_reminder");
    await waitFor(page, (s) => s.events === first + i, `reminder ${i} to be recorded`);
  }
  await clickItem(page, "tab.customer_page");
  await waitItem(page, "customer_page.pdf_evidence", 3000);
  const events = (await state(page)).events;
  const started = Date.now();
  const text = await download("customer_page.pdf_evidence", "documents-evidence.pdf");
  const ms = Date.now() - started;
  console.log(`evidence pack of ${events} events (click to downloaded file): ${ms} ms`);
  assert.match(text, /Chronological record/);
  const hashes = text.match(/hash [0-9a-f]{64}/g) || [];
  assert.ok(hashes.length >= 200, `${hashes.length} events listed`);
  await page.screenshot({ path: path.join(artifacts, "documents-customer-page.png") });
});
