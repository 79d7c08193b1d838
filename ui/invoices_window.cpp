#include "invoices_window.h"

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string_view>

#include "base/currencies.h"
#include "base/money.h"
#include "invoicing/invoice_lines.h"
#include "queries_view.h"
#include "reports/aging.h"
#include "table_headers.h"
#include "test_hook.h"
#include "widgets.h"

namespace duebook::ui {
namespace {

constexpr int64_t kPageRows = 50;

const char* kStatusNames[] = {"All", "Unpaid", "Paid", "Draft", "Void"};
const char* kStatusQuery[] = {"", "unpaid", "paid", "draft", "void"};
// Problems the form shows under their own field; the others are shown above the form.
const std::string_view kFieldProblems[] = {"customer_id", "issue_date", "terms", "memo", "hold_override"};

// The overdue filter's choices: "Any", then one per bucket of core's aging layout (default_aging_buckets), so
// that the list and the aging report count days past due alike.
const std::vector<std::string>& overdue_names() {
  static const std::vector<std::string> names = [] {
    const std::vector<int32_t> limits = default_aging_buckets().upper_limits;
    std::vector<std::string> out{"Any"};
    out.push_back(limits[0] == 0 ? "Not yet due" : "Up to " + std::to_string(limits[0]) + " days");
    for (std::size_t b = 1; b < limits.size(); ++b)
      out.push_back(std::to_string(limits[b - 1] + 1) + "-" + std::to_string(limits[b]) + " days");
    out.push_back("Over " + std::to_string(limits.back()) + " days");
    return out;
  }();
  return names;
}

// The invoice query of the filters. An overdue bucket is a due-date range counted back from today (the
// aging's buckets, days past the due date) and shows unpaid invoices only.
InvoiceQuery query_of(const InvoicesWindowState& s, const Date& today) {
  InvoiceQuery q;
  q.status = kStatusQuery[s.status];
  q.search = s.search;
  q.sort = s.sort;
  q.descending = s.descending;
  q.offset = s.page * kPageRows;
  q.limit = kPageRows;
  q.currency = s.currency;
  if (s.overdue <= 0) return q;
  q.status = "unpaid";
  // Bucket b holds the ages (limits[b - 1], limits[b]]; an age is today minus the due date.
  static const std::vector<int32_t> limits = default_aging_buckets().upper_limits;
  const std::size_t bucket = std::size_t(s.overdue - 1);
  auto back = [&](int64_t days) { return to_iso(add_days(today, -days)); };
  if (bucket < limits.size()) q.due_from = back(limits[bucket]);
  if (bucket > 0) q.due_to = back(int64_t{limits[bucket - 1]} + 1);
  return q;
}

std::string cache_key(const InvoiceQuery& q) {
  return q.status + '\x1f' + q.search + '\x1f' + std::to_string(int(q.sort)) + (q.descending ? "d" : "a") +
         std::to_string(q.offset) + '\x1f' + q.due_from + '\x1f' + q.due_to + '\x1f' + q.currency;
}

void draw_filters(InvoicesWindowState& s) {
  static const std::vector<const char*> overdue = [] {
    std::vector<const char*> out;
    for (const std::string& name : overdue_names()) out.push_back(name.c_str());
    return out;
  }();
  float widest = 0;
  for (const char* name : overdue) widest = std::max(widest, ImGui::CalcTextSize(name).x);
  const float width = widest + ImGui::GetFrameHeight() * 2;
  // A labelled combo; a new choice goes back to the first page.
  auto combo = [&](const char* label, const char* test_name, int* value, const char* const names[],
                   int count) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(width);
    if (ImGui::Combo((std::string("##") + test_name).c_str(), value, names, count)) s.page = 0;
    test_mark(test_name);
    ImGui::SameLine();
  };
  combo("Status", "invoices.status", &s.status, kStatusNames, IM_ARRAYSIZE(kStatusNames));
  combo("Overdue", "invoices.overdue", &s.overdue, overdue.data(), int(overdue.size()));
  ImGui::SetNextItemWidth(ImGui::CalcTextSize("Currency").x + ImGui::GetStyle().FramePadding.x * 2);
  if (ImGui::InputTextWithHint("##invoice-currency", "Currency", &s.currency,
                               ImGuiInputTextFlags_CharsUppercase))
    s.page = 0;
  test_mark("invoices.currency");
  ImGui::SameLine();
  if (search_field("##invoice-search", "Search by number or customer  (Ctrl+F)", &s.search,
                   "invoices.search"))
    s.page = 0;
}

// Sorting by a column header: number, issue date, due date or amount; the other columns do not sort.
void apply_sort(InvoicesWindowState& s) {
  ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
  if (!specs || !specs->SpecsDirty || specs->SpecsCount == 0) return;
  const ImGuiTableColumnSortSpecs& spec = specs->Specs[0];
  switch (spec.ColumnIndex) {
    case 0:
      s.sort = InvoiceSort::Number;
      break;
    case 2:
      s.sort = InvoiceSort::IssueDate;
      break;
    case 3:
      s.sort = InvoiceSort::DueDate;
      break;
    case 4:
      s.sort = InvoiceSort::Amount;
      break;
    default:
      break;
  }
  s.descending = spec.SortDirection == ImGuiSortDirection_Descending;
  s.page = 0;
  specs->SpecsDirty = false;
}

// Row `row` of the page: the number opens the invoice (so does Enter on the keyboard cursor's row).
void draw_row(InvoicesWindowState& s, int row) {
  const InvoiceSummary& inv = s.cache_rows[size_t(row)];
  ImGui::TableNextRow();
  if (cursor_row(s.keys, row) == RowKey::Open) s.open_invoice = inv.id;
  ImGui::TableNextColumn();
  const std::string label = inv.number.empty() ? "(draft " + std::to_string(inv.id) + ")" : inv.number;
  if (ImGui::Selectable(label.c_str())) {
    s.open_invoice = inv.id;
    s.keys.row = row;
  }
  const std::string mark = "invoices.row." + label;
  test_mark(mark.c_str());
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(inv.customer_name.c_str());
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(display_date(inv.issue_date).c_str());
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(display_date(inv.due_date).c_str());
  ImGui::TableNextColumn();
  amount_text(inv.total, inv.currency);
  ImGui::TableNextColumn();
  amount_text(inv.open, inv.currency);
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(to_string(inv.status));
}

void draw_list(Queries& queries, InvoicesWindowState& s, const Date& today) {
  draw_filters(s);
  const float pager = ImGui::GetFrameHeightWithSpacing();
  ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                          ImGuiTableFlags_Resizable | ImGuiTableFlags_Sortable;
  if (ImGui::BeginTable("invoices", 7, flags, ImVec2(0, -pager))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    // Fixed columns sized for their widest usual content, not for the rows of the first page drawn.
    const float number = ImGui::CalcTextSize("INV-2026-00000").x, date = ImGui::CalcTextSize("2026-00-00").x,
                amount = ImGui::CalcTextSize("000,000.00 EUR").x, status = ImGui::CalcTextSize("partial").x;
    ImGui::TableSetupColumn("Number",
                            ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_DefaultSort |
                                ImGuiTableColumnFlags_PreferSortDescending,
                            number);
    ImGui::TableSetupColumn("Customer", ImGuiTableColumnFlags_WidthStretch | ImGuiTableColumnFlags_NoSort);
    ImGui::TableSetupColumn("Issued", ImGuiTableColumnFlags_WidthFixed, date);
    ImGui::TableSetupColumn("Due", ImGuiTableColumnFlags_WidthFixed, date);
    ImGui::TableSetupColumn(
        "Total", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_PreferSortDescending, amount);
    ImGui::TableSetupColumn("Open", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoSort, amount);
    ImGui::TableSetupColumn("Status", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoSort,
                            status);
    headers_row({4, 5});
    apply_sort(s);

    const InvoiceQuery q = query_of(s, today);
    const std::string key = cache_key(q);
    if (s.cache_revision != queries.revision() || s.cache_key != key) {
      s.cache_count = queries.invoice_count(q);
      s.cache_rows = queries.invoices(q);
      s.cache_revision = queries.revision();
      s.cache_key = key;
      s.keys.row = -1;  // another page or list: the cursor starts again from its top
    }
    table_keys(s.keys, int(s.cache_rows.size()));
    for (int row = 0; row < int(s.cache_rows.size()); ++row) draw_row(s, row);
    ImGui::EndTable();
  }
  // The pager: which rows these are, and the way to the pages before and after.
  const int64_t first = s.cache_rows.empty() ? 0 : s.page * kPageRows + 1;
  const int64_t last = s.page * kPageRows + int64_t(s.cache_rows.size());
  ImGui::BeginDisabled(s.page == 0);
  if (ImGui::Button("Previous")) --s.page;
  ImGui::EndDisabled();
  test_mark("invoices.previous");
  ImGui::SameLine();
  ImGui::BeginDisabled(last >= s.cache_count);
  if (ImGui::Button("Next")) ++s.page;
  ImGui::EndDisabled();
  test_mark("invoices.next");
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  const bool filtered = s.status != 0 || s.overdue != 0 || !s.search.empty() || !s.currency.empty();
  if (s.cache_count == 0)
    empty_note(filtered ? "No invoice matches these filters."
                        : "No invoices yet: issue one with the form on the right, or File › Import CSV.",
               "invoices.empty");
  else
    ImGui::TextDisabled("%lld-%lld of %lld invoices", (long long)first, (long long)last,
                        (long long)s.cache_count);
}

// Builds the command from the form. What only the ledger can judge (the customer's hold, the terms, the
// lines' EN 16931 rules) comes back as problems; what cannot even be read here (a date, a quantity, a price)
// is a form error and nothing is submitted. `rows` gets, per submitted line, the form row it came from (empty
// rows are left out).
bool fields_from(Queries& queries, const InvoiceDraft& d, const Date& today, InvoiceFields* f,
                 std::string* error, std::vector<int>* rows) {
  rows->clear();
  std::optional<Customer> customer = queries.customer_by_name(d.customer);
  if (!customer) {
    *error = d.customer.empty() ? "Customer: give the customer's name"
                                : "Customer: no customer named " + d.customer;
    return false;
  }
  f->customer_id = customer->id;
  f->issue_date = today;
  if (!d.issue_date.empty()) {
    Result<Date> date = read_date(d.issue_date);
    if (!date) {
      *error = "Invoice date: " + date.problems()[0].message;
      return false;
    }
    f->issue_date = date.value();
  }
  f->terms = d.terms;
  f->memo = d.memo;
  f->series = queries.defaults().invoice_series;  // Settings > Invoicing defaults
  std::vector<InvoiceLineText> typed;
  for (std::size_t i = 0; i < d.lines.size(); ++i) {
    const InvoiceLineDraft& l = d.lines[i];
    if (l.description.empty() && l.unit_price.empty()) continue;  // an empty row of the form
    typed.push_back(
        {l.description, l.quantity.empty() ? "1" : l.quantity, l.unit_price, std::nullopt, std::nullopt});
    rows->push_back(int(i));
  }
  InvoiceLinesRead read = read_invoice_lines(typed, currency_digits(customer->fields.currency));
  if (!read.problems.empty()) {  // the first, as the form shows one error at a time
    const Problem& p = read.problems[0];
    const std::optional<LineField> at = line_field_of(p.where);
    const std::string field = at->field == "unit_price" ? "unit price" : at->field;
    *error = "Line " + std::to_string((*rows)[at->line] + 1) + ": " + field + ": " + p.message;
    return false;
  }
  f->lines = std::move(read.lines);
  return true;
}

// The form's title, Issue and Save buttons and the problems shown under no field (a line's named by its row
// in the form). Title and actions come first, so the buttons are always in view.
void draw_form_actions(Queries& queries, InvoicesWindowState& s, Commands& commands, const Date& today) {
  const CommandSink& sink = s.sink;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("New invoice");
  ImGui::SameLine();
  const float buttons = ImGui::CalcTextSize("Issue invoiceSave draft").x +
                        ImGui::GetStyle().FramePadding.x * 4 + ImGui::GetStyle().ItemSpacing.x;
  ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - buttons));
  auto submit = [&](bool issue) {
    InvoiceFields fields;
    s.form_error.clear();
    s.sink.problems.clear();
    s.sink.outcome.reset();
    if (fields_from(queries, s.draft, today, &fields, &s.form_error, &s.submitted_rows))
      commands.submit(AddInvoice{fields, issue, s.draft.hold_override}, &s.sink);
  };
  if (ImGui::Button("Issue invoice")) submit(true);
  test_mark("invoice.issue");
  ImGui::SameLine();
  if (ImGui::Button("Save draft")) submit(false);
  test_mark("invoice.draft");
  if (!s.form_error.empty()) problem_text(s.form_error);
  for (const Problem& p : sink.problems) {
    if (std::find(std::begin(kFieldProblems), std::end(kFieldProblems), p.where) != std::end(kFieldProblems))
      continue;  // shown under its field
    // "lines[2].description" names the third submitted line: say which row of the form that is.
    const std::optional<LineField> at = line_field_of(p.where);
    if (at && at->line < s.submitted_rows.size())
      problem_text("Line " + std::to_string(s.submitted_rows[at->line] + 1) + ": " + p.message);
    else
      problem_text(p.message);
  }
  if (sink.outcome && sink.problems.empty()) ImGui::TextDisabled("Saved: %s", sink.outcome->label.c_str());
}

// The lines table (description, quantity, unit price, Remove) and the Add line button.
void draw_form_lines(InvoicesWindowState& s) {
  heading("Lines");
  if (ImGui::BeginTable("invoice-lines", 4, ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn("Description", ImGuiTableColumnFlags_WidthStretch, 4.0f);
    ImGui::TableSetupColumn("Quantity", ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn("Unit price", ImGuiTableColumnFlags_WidthStretch, 1.8f);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableHeadersRow();
    int remove = -1;
    for (std::size_t i = 0; i < s.draft.lines.size(); ++i) {
      InvoiceLineDraft& l = s.draft.lines[i];
      const std::string n = std::to_string(i);
      ImGui::PushID(int(i));
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::SetNextItemWidth(-1.0f);
      ImGui::InputTextWithHint("##description", "What was sold", &l.description);
      test_mark(("invoice.line." + n + ".description").c_str());
      ImGui::TableNextColumn();
      ImGui::SetNextItemWidth(-1.0f);
      ImGui::InputText("##quantity", &l.quantity);
      test_mark(("invoice.line." + n + ".quantity").c_str());
      ImGui::TableNextColumn();
      ImGui::SetNextItemWidth(-1.0f);
      ImGui::InputTextWithHint("##price", "0.00", &l.unit_price);
      test_mark(("invoice.line." + n + ".price").c_str());
      ImGui::TableNextColumn();
      if (ImGui::SmallButton("Remove") && s.draft.lines.size() > 1) remove = int(i);
      ImGui::PopID();
    }
    ImGui::EndTable();
    if (remove >= 0) s.draft.lines.erase(s.draft.lines.begin() + remove);
  }
  if (ImGui::Button("Add line")) s.draft.lines.emplace_back();
  test_mark("invoice.add_line");
}

void draw_form(Queries& queries, InvoicesWindowState& s, Commands& commands, const Date& today) {
  const CommandSink& sink = s.sink;
  if (sink.completed != s.seen_completed) {  // a submit finished since the last frame
    s.seen_completed = sink.completed;
    if (sink.outcome) s.draft = InvoiceDraft{};  // ready for the next invoice
  }
  draw_form_actions(queries, s, commands, today);
  ImGui::Separator();

  const std::string today_shown = display_date(today);
  text_field("Customer", &s.draft.customer, "invoice.customer", sink.problem_for("customer_id"),
             "Customer name");
  text_field("Invoice date", &s.draft.issue_date, "invoice.date", sink.problem_for("issue_date"),
             today_shown.c_str());
  text_field("Payment terms", &s.draft.terms, "invoice.terms", sink.problem_for("terms"),
             "the customer's terms");
  text_field("Memo", &s.draft.memo, "invoice.memo", sink.problem_for("memo"));

  draw_form_lines(s);

  heading("Credit hold");
  text_field("Override reason (only for a customer on hold)", &s.draft.hold_override, "invoice.hold_override",
             sink.problem_for("hold_override"), "why it is issued anyway");
}

}  // namespace

void filter_invoices(InvoicesWindowState& s, int overdue, const std::string& currency) {
  s.status = 1;  // unpaid
  s.overdue = overdue;
  s.currency = currency;
  s.search.clear();
  s.page = 0;
}

std::string invoice_list_facts(const InvoicesWindowState& s) {
  nlohmann::json rows = nlohmann::json::array();
  for (const InvoiceSummary& r : s.cache_rows)
    rows.push_back({{"id", r.id},
                    {"number", r.number},
                    {"customer", r.customer_name},
                    {"currency", r.currency},
                    {"due", r.due_date},
                    {"due_text", display_date(r.due_date)},
                    {"open", r.open},
                    {"open_text", display_money(r.open, r.currency)}});
  return nlohmann::json{{"status", kStatusQuery[s.status]},
                        {"overdue", s.overdue},
                        {"currency", s.currency},
                        {"search", s.search},
                        {"count", s.cache_count},
                        {"cursor", s.keys.row},
                        {"rows", rows}}
      .dump();
}

void draw_invoices_window(Queries& queries, InvoicesWindowState& state, Commands& commands,
                          const Date& today) {
  const float form_width = std::max(340.0f, ImGui::GetContentRegionAvail().x * 0.36f);
  ImGui::BeginChild("invoice-list", ImVec2(-form_width - ImGui::GetStyle().ItemSpacing.x, 0));
  draw_list(queries, state, today);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("invoice-form", ImVec2(0, 0), true);
  draw_form(queries, state, commands, today);
  ImGui::EndChild();
}

}  // namespace duebook::ui
