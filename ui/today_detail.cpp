#include "today_detail.h"

#include <imgui.h>

#include <algorithm>

#include "base/currencies.h"
#include "base/money.h"
#include "collections/templates.h"
#include "platform.h"
#include "queries_view.h"
#include "table_headers.h"
#include "test_hook.h"
#include "widgets.h"

namespace duebook::ui {
namespace {

std::string money(int64_t minor, const std::string& currency) {
  Result<CurrencyCode> code = parse_currency_code(currency);
  return code ? format_money_for_letter({minor, code.value()}) : std::to_string(minor) + " " + currency;
}

void draw_text_block(const std::string& text, const char* mark);

// What the flags column says of an invoice: its promise (open or broken) and its dispute.
std::string invoice_flags(const CollectionInvoice& inv, const std::vector<PromiseStatus>& promises,
                          const WorklistItem& item) {
  std::string flags;
  auto add = [&](const std::string& flag) { flags += (flags.empty() ? "" : "; ") + flag; };
  for (const PromiseStatus& p : promises) {
    if (std::find(p.invoice_ids.begin(), p.invoice_ids.end(), inv.id) == p.invoice_ids.end()) continue;
    if (p.state == "open") add("promised " + money(p.amount, p.currency) + " by " + display_date(p.pay_by));
    if (p.state == "broken") add("promise broken on " + display_date(*p.broken_on));
  }
  if (inv.disputed) add("disputed");
  if (inv.with_agency) add("with the agency");
  if (std::find(item.invoice_ids.begin(), item.invoice_ids.end(), inv.id) == item.invoice_ids.end() &&
      flags.empty())
    add("not on today's step");
  return flags;
}

void draw_invoices(Queries& queries, const WorklistItem& item, const Date& as_of) {
  heading("Overdue invoices");
  const std::vector<PromiseStatus> promises = queries.promises_of(item.customer_id, as_of);
  ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit;
  if (!ImGui::BeginTable("today-invoices", 5, flags)) return;
  ImGui::TableSetupColumn("Number");
  ImGui::TableSetupColumn("Due");
  ImGui::TableSetupColumn("Late", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("0000 d").x);
  ImGui::TableSetupColumn("Open");
  ImGui::TableSetupColumn("Flags", ImGuiTableColumnFlags_WidthStretch);
  headers_row({2, 3});
  for (const CollectionInvoice& inv : queries.open_invoices_of(item.customer_id, as_of)) {
    if (inv.due_date > as_of) continue;  // not yet due
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(inv.number.c_str());
    test_mark(("today.invoice." + inv.number).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(display_date(inv.due_date).c_str());
    ImGui::TableNextColumn();
    ImGui::Text("%lld d", (long long)days_between(inv.due_date, as_of));
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(money(inv.open, inv.currency).c_str());
    ImGui::TableNextColumn();
    draw_text_block(invoice_flags(inv, promises, item), ("today.flags." + inv.number).c_str());
  }
  ImGui::EndTable();
}

void draw_contact(const WorklistItem& item) {
  const WorklistEntry& e = item.entry;
  const bool escalation = e.step.action == StepAction::EscalationLetter;
  heading(escalation ? "Contact: the senior manager (escalation)" : "Contact: billing");
  const Contact& c = e.contact;
  if (c.name.empty() && c.email.empty() && c.phone.empty()) {
    problem_text("No contact on file: add one with \"Wrong contact\".");
    return;
  }
  ImGui::TextUnformatted(c.name.empty() ? "(no name)" : c.name.c_str());
  test_mark("today.contact.name");
  ImGui::Text("Phone: %s", c.phone.empty() ? "none on file" : c.phone.c_str());
  ImGui::Text("Email: %s", c.email.empty() ? "none on file" : c.email.c_str());
  if (e.contact_fallback)
    ImGui::TextDisabled("The %s contact is missing; this is the %s contact.",
                        escalation ? "escalation" : "billing", c.role.c_str());
}

// The invoice as a duplicate for the reminder: marked DUPLICATE, with its lines and amounts.
std::string duplicate_text(const InvoiceDetail& inv) {
  const InvoiceSummary& s = inv.summary;
  std::string t = "DUPLICATE\nInvoice " + s.number + "\nIssued " + display_date(s.issue_date) + ", due " +
                  display_date(s.due_date) + (inv.terms.empty() ? "" : " (" + inv.terms + ")") + "\n\n";
  for (const InvoiceLineView& l : inv.lines)
    t += l.line.description + "  " + to_string(l.line.quantity) + " x " +
         money(l.line.unit_price, s.currency) + " = " + money(l.net, s.currency) + "\n";
  t += "\nTotal " + money(s.total, s.currency) + "\nOpen " + money(s.open, s.currency) + "\n";
  return t;
}

// Text wrapped at spaces only (ImGui's own wrapping also breaks after '.' and ',', which splits amounts such
// as "EUR 1,000.00" across lines).
void draw_text_block(const std::string& text, const char* mark) {
  const float width = ImGui::GetContentRegionAvail().x;
  ImGui::BeginGroup();
  // Lines of one block as close as ImGui's own wrapped lines; the usual spacing after the block.
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, 0.0f));
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string paragraph = text.substr(start, end - start);
    std::string line;
    size_t at = 0;
    while (at < paragraph.size()) {
      size_t next = paragraph.find(' ', at);
      if (next == std::string::npos) next = paragraph.size();
      const std::string word = paragraph.substr(at, next - at);
      const std::string longer = line.empty() ? word : line + " " + word;
      if (!line.empty() && ImGui::CalcTextSize(longer.c_str()).x > width) {
        ImGui::TextUnformatted(line.c_str());
        line = word;
      } else {
        line = longer;
      }
      at = next + 1;
    }
    ImGui::TextUnformatted(line.c_str());
    start = end + 1;
  }
  ImGui::PopStyleVar();
  ImGui::EndGroup();
  test_mark(mark);
}

void draw_call(const WorklistItem& item) {
  heading("Call script");
  draw_text_block(item.subject, "today.material.subject");
  draw_text_block(item.body, "today.material.body");
  heading("Talking points");
  for (const char* point : {"Ask when the payment will be made.", "Listen for the reason it is late.",
                            "Get a date and an amount, and record them as a promise.",
                            "Confirm what was agreed in writing the same day."}) {
    ImGui::Bullet();
    ImGui::TextWrapped("%s", point);
  }
}

void draw_email(Queries& queries, Platform& platform, const WorklistItem& item,
                std::optional<DocumentRequest>* pdf) {
  heading("Email");
  const Contact& c = item.entry.contact;
  ImGui::Text("To: %s%s", c.name.c_str(),
              c.email.empty() ? " (no email address on file)" : (" <" + c.email + ">").c_str());
  draw_text_block("Subject: " + item.subject, "today.material.subject");
  ImGui::BeginDisabled(item.mailto.empty());
  if (ImGui::Button("Compose in mail app")) platform.open_url(item.mailto);
  ImGui::EndDisabled();
  test_mark("today.compose");
  ImGui::SameLine();
  if (ImGui::Button("Copy"))
    ImGui::SetClipboardText(("Subject: " + item.subject + "\n\n" + item.body).c_str());
  test_mark("today.copy");
  ImGui::Separator();
  draw_text_block(item.body, "today.material.body");
  if (item.entry.step.offset_days <= 0) return;  // a courtesy note before the due date sends no duplicate
  for (int64_t id : item.invoice_ids) {
    std::optional<InvoiceDetail> inv = queries.invoice_detail(id);
    if (!inv) continue;
    heading(("Duplicate of " + inv->summary.number + ", to attach").c_str());
    const std::string text = duplicate_text(*inv);
    draw_text_block(text, ("today.duplicate." + inv->summary.number).c_str());
    ImGui::PushID(int(id));
    if (ImGui::SmallButton("Copy duplicate")) ImGui::SetClipboardText(text.c_str());
    ImGui::SameLine();
    // The reminder as a document with the invoice's lines, a first reminder: the letter steps send letters.
    if (ImGui::SmallButton("Reminder PDF"))
      *pdf = DocumentRequest{DocumentRequest::Kind::Reminder, id, 1, {}};
    test_mark(("today.pdf_reminder." + inv->summary.number).c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton("Duplicate PDF"))
      *pdf = DocumentRequest{DocumentRequest::Kind::Duplicate, id, 1, {}};
    ImGui::PopID();
  }
}

void draw_letter(Platform& platform, const WorklistItem& item, std::optional<DocumentRequest>* pdf) {
  heading(item.entry.step.action == StepAction::HandToAgency ? "Notice" : "Letter");
  draw_text_block(item.subject, "today.material.subject");
  if (ImGui::Button("Print")) platform.print_text(item.subject, item.body);
  test_mark("today.print");
  ImGui::SameLine();
  if (ImGui::Button("Copy")) ImGui::SetClipboardText(item.body.c_str());
  test_mark("today.copy");
  ImGui::SameLine();
  if (ImGui::Button("Letter PDF"))
    *pdf = DocumentRequest{DocumentRequest::Kind::Letter, item.customer_id, 1, {}};
  test_mark("today.pdf_letter");
  ImGui::Separator();
  draw_text_block(item.body, "today.material.body");
}

}  // namespace

void draw_entry_facts(Queries& queries, const WorklistItem& item, const Date& as_of) {
  draw_invoices(queries, item, as_of);
  draw_contact(item);
}

void draw_entry_material(Queries& queries, Platform& platform, const WorklistItem& item,
                         std::optional<DocumentRequest>* pdf) {
  if (!item.problems.empty()) {
    heading("Message");
    problem_text("The message could not be rendered: " + describe(item.problems));
    return;
  }
  switch (item.entry.step.action) {
    case StepAction::PhoneCall:
      return draw_call(item);
    case StepAction::EmailReminder:
      return draw_email(queries, platform, item, pdf);
    default:
      return draw_letter(platform, item, pdf);
  }
}

}  // namespace duebook::ui
