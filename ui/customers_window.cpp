#include "customers_window.h"

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <nlohmann/json.hpp>

#include "base/currencies.h"
#include "base/money.h"
#include "queries_view.h"
#include "style.h"
#include "table_headers.h"
#include "test_hook.h"
#include "widgets.h"

namespace duebook::ui {
namespace {

const char* kStatusNames[] = {"Active", "Credit hold", "Cash on delivery"};
const ImVec4 kNoteColour(0.72f, 0.38f, 0.02f, 1.0f);  // a warning that refuses nothing
const CustomerStatus kStatuses[] = {CustomerStatus::Active, CustomerStatus::CreditHold,
                                    CustomerStatus::CashOnDelivery};

CustomerDraft draft_from(const Customer& c) {
  CustomerDraft d;
  const CustomerFields& f = c.fields;
  d.name = f.name;
  d.currency = f.currency;
  d.terms = f.terms;
  d.credit_limit = f.credit_limit ? amount_field_text(*f.credit_limit, currency_digits(f.currency)) : "";
  d.address = f.address;
  d.tax_id = f.tax_id;
  d.country = f.country;
  d.endpoint = f.endpoint;
  d.notes = f.notes;
  for (size_t i = 0; i < known_languages().size(); ++i)
    if (language_code(known_languages()[i]) == f.language) d.language = int(i);
  for (int i = 0; i < 3; ++i)
    if (kStatuses[i] == f.status) d.status = i;
  for (const Contact& k : f.contacts) {
    bool billing = k.role == "billing";
    (billing ? d.billing_name : d.escalation_name) = k.name;
    (billing ? d.billing_email : d.escalation_email) = k.email;
    (billing ? d.billing_phone : d.escalation_phone) = k.phone;
  }
  return d;
}

// Builds the fields to submit; a credit limit that is not an amount is a form error, not a command.
bool fields_from(const CustomerDraft& d, CustomerFields* f, std::string* error) {
  f->name = d.name;
  f->currency = d.currency;
  f->terms = d.terms;
  f->address = d.address;
  f->tax_id = d.tax_id;
  f->country = d.country;
  f->endpoint = d.endpoint;
  f->notes = d.notes;
  f->status = kStatuses[d.status];
  f->language = language_code(known_languages()[size_t(d.language)]);
  if (!d.credit_limit.empty()) {
    Result<int64_t> limit = read_amount(d.credit_limit, currency_digits(d.currency));
    if (!limit) {
      *error = "Credit limit: " + describe(limit.problems());
      return false;
    }
    f->credit_limit = limit.value();
  }
  if (!d.billing_name.empty() || !d.billing_email.empty() || !d.billing_phone.empty())
    f->contacts.push_back({"billing", d.billing_name, d.billing_email, d.billing_phone});
  if (!d.escalation_name.empty() || !d.escalation_email.empty() || !d.escalation_phone.empty())
    f->contacts.push_back({"escalation", d.escalation_name, d.escalation_email, d.escalation_phone});
  return true;
}

std::string list_key(const CustomersWindowState& s, const Date& today) {
  return s.search + '\x1f' + std::to_string(int(s.sort)) + (s.descending ? "d" : "a") + to_iso(today);
}

// Makes sure rows [start, end) are in the page cache, fetching a block around them when they are not.
void ensure_rows(Queries& queries, CustomersWindowState& s, int64_t start, int64_t end, const Date& today) {
  const std::string key = list_key(s, today);
  bool fresh = s.cache_revision == queries.revision() && s.cache_key == key;
  if (fresh && start >= s.cache_offset && end <= s.cache_offset + int64_t(s.cache_rows.size())) return;
  const int64_t kBlock = 64;
  s.cache_offset = (start / kBlock) * kBlock;
  s.cache_limit = ((end + kBlock - 1) / kBlock) * kBlock + kBlock - s.cache_offset;
  CustomerAccountQuery q;
  q.search = s.search;
  q.as_of = today;
  q.sort = s.sort;
  q.descending = s.descending;
  q.offset = s.cache_offset;
  q.limit = s.cache_limit;
  s.cache_rows = list_customer_accounts(queries.db(), q);
  s.cache_revision = queries.revision();
  s.cache_key = key;
}

// Sorting by a column header: every column but the last (Open) sorts.
void apply_sort(CustomersWindowState& s) {
  ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
  if (!specs || !specs->SpecsDirty || specs->SpecsCount == 0) return;
  static const AccountSort kColumns[] = {AccountSort::Name, AccountSort::Balance, AccountSort::Overdue,
                                         AccountSort::DaysLate, AccountSort::Standing};
  const ImGuiTableColumnSortSpecs& spec = specs->Specs[0];
  if (spec.ColumnIndex < 5) s.sort = kColumns[spec.ColumnIndex];
  s.descending = spec.SortDirection == ImGuiSortDirection_Descending;
  specs->SpecsDirty = false;
  s.cache_rows.clear();
}

void select_customer(Queries& queries, CustomersWindowState& s, int64_t id) {
  std::optional<Customer> c = queries.customer(id);
  if (!c) return;
  s.selected = id;
  s.draft = draft_from(*c);
  s.sink.problems.clear();
  s.form_error.clear();
}

// One row: name (selects it into the form; a double click opens its page), the amounts, the standing, Open.
// Row `row` in the list's order; Enter on the keyboard cursor's row opens the page too.
void draw_row(Queries& queries, CustomersWindowState& s, const CustomerAccount& a, int row, Navigation& nav) {
  ImGui::TableNextRow();
  if (cursor_row(s.keys, row) == RowKey::Open) nav.open_customer = a.id;
  ImGui::TableNextColumn();
  ImGui::PushID(int(a.id));
  if (ImGui::Selectable(a.name.c_str(), s.selected == a.id,
                        ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap |
                            ImGuiSelectableFlags_AllowDoubleClick)) {
    select_customer(queries, s, a.id);
    s.keys.row = row;
    if (ImGui::IsMouseDoubleClicked(0)) nav.open_customer = a.id;
  }
  test_mark(("customers.row." + a.name).c_str());
  ImGui::TableNextColumn();
  amount_text(a.balance, a.currency);
  ImGui::TableNextColumn();
  if (a.overdue) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette().overdue);
    amount_text(a.overdue, a.currency);
    ImGui::PopStyleColor();
  } else {
    ImGui::TextDisabled("-");
  }
  ImGui::TableNextColumn();
  if (a.days_late)
    days_late_cell(a.days_late);
  else
    ImGui::TextDisabled("-");
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(to_string(a.standing));
  ImGui::TableNextColumn();
  if (ImGui::SmallButton("Open")) nav.open_customer = a.id;
  test_mark(("customers.open." + a.name).c_str());
  ImGui::PopID();
}

void draw_list(Queries& queries, CustomersWindowState& s, Navigation& nav, const Date& today) {
  if (search_field("##customer-search", "Search customers by name  (Ctrl+F)", &s.search, "customers.search"))
    s.keys.row = -1;  // another list: the cursor starts again from its top
  if (s.cache_revision != queries.revision() || s.cache_key != list_key(s, today)) {
    s.cache_count = queries.customer_count(s.search);
    s.cache_rows.clear();
  }
  table_keys(s.keys, int(s.cache_count));
  if (s.cache_count == 0)
    empty_note(
        s.search.empty()
            ? "No customers yet. Type a customer's name, currency and terms in the form on the right and "
              "press Add customer, or bring your books in with File › Import CSV (invoices bring their "
              "customers) or File › Ledger file."
            : "No customer's name contains \"" + s.search + "\".",
        "customers.empty");
  ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                          ImGuiTableFlags_Resizable | ImGuiTableFlags_Sortable;
  if (!ImGui::BeginTable("customers", 6, flags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  const float amount = ImGui::CalcTextSize("EUR 000,000.00").x;
  ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_WidthStretch | ImGuiTableColumnFlags_DefaultSort);
  ImGui::TableSetupColumn(
      "Balance", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_PreferSortDescending, amount);
  ImGui::TableSetupColumn(
      "Overdue", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_PreferSortDescending, amount);
  ImGui::TableSetupColumn("Days late",
                          ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_PreferSortDescending);
  ImGui::TableSetupColumn("Status", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("with agency").x);
  ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoSort,
                          ImGui::CalcTextSize("Open").x + ImGui::GetStyle().FramePadding.x * 2);
  headers_row({1, 2, 3});
  for (int c = 0; c < 5; ++c) {
    ImGui::TableSetColumnIndex(c);
    test_mark(("customers.sort." + std::to_string(c)).c_str());
  }
  apply_sort(s);
  ImGuiListClipper clipper;
  clipper.Begin(int(s.cache_count));
  reveal_cursor(s.keys, clipper);
  while (clipper.Step()) {
    ensure_rows(queries, s, clipper.DisplayStart, clipper.DisplayEnd, today);
    for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
      size_t index = size_t(row - s.cache_offset);
      if (index >= s.cache_rows.size()) break;
      draw_row(queries, s, s.cache_rows[index], row, nav);
    }
  }
  ImGui::EndTable();
}

// The form's title, Save and New buttons and the problems that belong to no field. Title and actions come
// first, so Save is always in view.
void draw_form_actions(CustomersWindowState& s, Commands& commands) {
  const CommandSink& sink = s.sink;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(s.selected ? "Edit customer" : "New customer");
  ImGui::SameLine();
  float buttons = ImGui::CalcTextSize("Save changesNew").x + ImGui::GetStyle().FramePadding.x * 4 +
                  ImGui::GetStyle().ItemSpacing.x;
  ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - buttons));
  if (ImGui::Button(s.selected ? "Save changes" : "Add customer")) {
    CustomerFields fields;
    s.form_error.clear();
    if (fields_from(s.draft, &fields, &s.form_error)) {
      if (s.selected)
        commands.submit(EditCustomer{s.selected, fields}, &s.sink);
      else
        commands.submit(AddCustomer{fields}, &s.sink);
    }
  }
  test_mark("customer.save");
  ImGui::SameLine();
  if (ImGui::Button("New")) {
    s.selected = 0;
    s.draft = CustomerDraft{};
    s.defaults_revision = -1;  // the new draft starts from the company's defaults
    s.sink.problems.clear();
    s.form_error.clear();
  }
  test_mark("customer.new");
  if (!s.form_error.empty()) problem_text(s.form_error);
  for (const Problem& p : sink.problems)
    if (p.where.empty() || p.where == "id") problem_text(p.message);
  if (sink.outcome && sink.problems.empty()) ImGui::TextDisabled("Recorded: %s", sink.outcome->label.c_str());
}

// Groups laid side by side from one top edge (ImGui's SameLine would shift a label down to the baseline of
// the input before it).
struct FormRows {
  float spacing = 0;     // between columns
  ImVec2 row_top;        // where the next column of the row starts
  float row_bottom = 0;  // the lowest edge of the row so far; 0 before its first column

  // Draws one column of the given width with draw().
  template <class Draw>
  void column(float width, Draw draw) {
    bool first = row_bottom == 0;
    if (first) row_top = ImGui::GetCursorScreenPos();
    ImGui::BeginGroup();
    ImGui::PushItemWidth(width);
    draw();
    ImGui::PopItemWidth();
    ImGui::EndGroup();
    row_bottom = std::max(row_bottom, ImGui::GetItemRectMax().y);
    row_top.x = ImGui::GetItemRectMax().x + spacing;
  }
  // Moves to the next column's top edge.
  void next_column() { ImGui::SetCursorScreenPos(row_top); }
  // Ends the row: the next item goes below its lowest column.
  void end_row() {
    ImGui::SetCursorScreenPos(ImVec2(ImGui::GetWindowPos().x + ImGui::GetStyle().WindowPadding.x,
                                     row_bottom + ImGui::GetStyle().ItemSpacing.y));
    ImGui::Dummy(ImVec2(0, 0));
    row_bottom = 0;
  }
};

// Currency and payment terms, then credit limit and status: two rows of two columns.
void draw_terms_fields(CustomersWindowState& s, FormRows& rows, float half) {
  const CommandSink& sink = s.sink;
  rows.column(half, [&] {
    text_field("Currency", &s.draft.currency, "customer.currency", sink.problem_for("currency"), "USD", half);
  });
  rows.next_column();
  rows.column(half, [&] {
    text_field("Payment terms", &s.draft.terms, "customer.terms", sink.problem_for("terms"), "Net 30", half);
  });
  rows.end_row();
  rows.column(half, [&] {
    text_field("Credit limit", &s.draft.credit_limit, "customer.credit_limit",
               sink.problem_for("credit_limit"), "no limit", half);
  });
  rows.next_column();
  rows.column(half, [&] {
    ImGui::TextUnformatted("Status");
    ImGui::SetNextItemWidth(half);
    ImGui::Combo("##status", &s.draft.status, kStatusNames, 3);
    test_mark("customer.status");
  });
  rows.end_row();
  rows.column(half, [&] {
    ImGui::TextUnformatted("Language of letters");
    ImGui::SetNextItemWidth(half);
    const char* shown = language_name(known_languages()[size_t(s.draft.language)]);
    if (ImGui::BeginCombo("##language", shown)) {
      for (size_t i = 0; i < known_languages().size(); ++i)
        if (ImGui::Selectable(language_name(known_languages()[i]), int(i) == s.draft.language))
          s.draft.language = int(i);
      ImGui::EndCombo();
    }
    test_mark("customer.language");
    if (!sink.problem_for("language").empty()) problem_text(sink.problem_for("language"));
  });
  rows.end_row();
}

// A contact on one row under its title: name, email, phone. `key` tells the contacts apart in labels and
// marks; `where` is the contact's place in the command's problems ("contacts[1]").
void draw_contact_row(const CommandSink& sink, FormRows& rows, float third, const char* title,
                      const char* key, std::string* name, std::string* email, std::string* phone,
                      const std::string& where) {
  heading(title);
  std::string n = std::string("customer.") + key + "_name", e = std::string("customer.") + key + "_email",
              p = std::string("customer.") + key + "_phone";
  rows.column(third, [&] {
    text_field((std::string("Name##") + key).c_str(), name, n.c_str(), sink.problem_for(where), nullptr,
               third);
  });
  rows.next_column();
  rows.column(third, [&] {
    text_field((std::string("Email##") + key).c_str(), email, e.c_str(), sink.problem_for(where + ".email"),
               "name@example.com", third);
  });
  rows.next_column();
  rows.column(third, [&] {
    text_field((std::string("Phone##") + key).c_str(), phone, p.c_str(), {}, nullptr, third);
  });
  rows.end_row();
}

// The billing and escalation contacts, each on its row.
void draw_contacts(CustomersWindowState& s, FormRows& rows, float third) {
  int billing_index = 1;
  bool has_billing =
      !s.draft.billing_name.empty() || !s.draft.billing_email.empty() || !s.draft.billing_phone.empty();
  draw_contact_row(s.sink, rows, third, "Billing contact", "billing", &s.draft.billing_name,
                   &s.draft.billing_email, &s.draft.billing_phone,
                   "contacts[" + std::to_string(billing_index) + "]");
  draw_contact_row(s.sink, rows, third, "Escalation contact (senior manager)", "escalation",
                   &s.draft.escalation_name, &s.draft.escalation_email, &s.draft.escalation_phone,
                   "contacts[" + std::to_string(has_billing ? 2 : 1) + "]");
}

// Under the name: the customers whose names look like it ("ACME Ltd." beside "Acme Limited"), so a second
// record for one customer is seen before it is made. A warning only; a click opens the other customer.
void draw_similar_names(Queries& queries, CustomersWindowState& s) {
  const std::string key =
      std::to_string(queries.revision()) + "/" + std::to_string(s.selected) + "/" + s.draft.name;
  if (key != s.similar_key) {
    s.similar_key = key;
    s.similar = queries.similar_customers(s.draft.name, s.selected);
  }
  for (const Customer& c : s.similar) {
    ImGui::PushID(int(c.id));
    ImGui::TextColored(kNoteColour, "Looks like an existing customer:");
    ImGui::SameLine();
    if (ImGui::SmallButton(c.fields.name.c_str())) select_customer(queries, s, c.id);
    test_mark("customer.similar");
    ImGui::PopID();
  }
}

void draw_form(Queries& queries, CustomersWindowState& s, Commands& commands) {
  const CommandSink& sink = s.sink;
  if (sink.completed != s.seen_completed) {  // a save finished since the last frame
    s.seen_completed = sink.completed;
    if (sink.outcome && s.selected == 0) s.draft = CustomerDraft{};  // ready for the next new customer
  }
  // A new customer starts from the company's default currency and terms (Settings > Invoicing defaults),
  // until something is typed into it.
  if (s.selected == 0 && s.draft.name.empty() && s.defaults_revision != queries.revision()) {
    s.defaults_revision = queries.revision();
    const CompanyDefaults d = queries.defaults();
    s.draft.currency = d.currency;
    s.draft.terms = d.terms;
  }
  draw_form_actions(s, commands);
  ImGui::Separator();

  float spacing = ImGui::GetStyle().ItemSpacing.x;
  float half = (ImGui::GetContentRegionAvail().x - spacing) * 0.5f;
  float third = (ImGui::GetContentRegionAvail().x - 2 * spacing) / 3.0f;
  text_field("Name", &s.draft.name, "customer.name", sink.problem_for("name"), "Company or person");
  draw_similar_names(queries, s);
  FormRows rows;
  rows.spacing = spacing;
  draw_terms_fields(s, rows, half);
  draw_contacts(s, rows, third);
  heading("Details");
  text_field("Tax id", &s.draft.tax_id, "customer.tax_id");
  text_field("Country", &s.draft.country, "customer.country", sink.problem_for("country"),
             "ISO 3166 code: FR, DE, GB");
  text_field("E-invoice address", &s.draft.endpoint, "customer.endpoint", sink.problem_for("endpoint"),
             "Peppol SCHEME:ID, e.g. 0009:12345678900012");
  text_area("Address", &s.draft.address, "customer.address", ImGui::GetTextLineHeight() * 3.5f);
  text_area("Notes", &s.draft.notes, "customer.notes", ImGui::GetTextLineHeight() * 3.5f);
}

}  // namespace

void draw_customers_window(Queries& queries, CustomersWindowState& state, Commands& commands, Navigation& nav,
                           const Date& today) {
  float form_width = std::max(320.0f, ImGui::GetContentRegionAvail().x * 0.34f);
  ImGui::BeginChild("customer-list", ImVec2(-form_width - ImGui::GetStyle().ItemSpacing.x, 0));
  draw_list(queries, state, nav, today);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("customer-form", ImVec2(0, 0), true);
  draw_form(queries, state, commands);
  ImGui::EndChild();
}

std::string customer_list_facts(const CustomersWindowState& s) {
  nlohmann::json rows = nlohmann::json::array();
  for (const CustomerAccount& a : s.cache_rows) rows.push_back({{"id", a.id}, {"name", a.name}});
  return nlohmann::json{
      {"search", s.search},   {"count", s.cache_count},
      {"cursor", s.keys.row}, {"offset", s.cache_offset},
      {"rows", rows},         {"draft", {{"currency", s.draft.currency}, {"terms", s.draft.terms}}}}
      .dump();
}

}  // namespace duebook::ui
