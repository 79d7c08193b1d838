#include "reply_window.h"

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "base/bank.h"
#include "base/currencies.h"
#include "customers/customer_queries.h"
#include "dispute_reasons.h"
#include "exports.h"
#include "table_headers.h"
#include "test_hook.h"
#include "widgets.h"

namespace duebook::ui {
namespace {

const char* const kAnswerNames[] = {"No answer", "I will pay by", "I dispute it", "I have paid it"};
const char* const kAnswerKinds[] = {"", "promise", "dispute", "paid"};
const char* const kAnswerMarks[] = {".none", ".promise", ".dispute", ".paid"};

// Forgets the file shown before (the sink keeps its count: an outcome arriving later is an older file's).
void reset(ReplyWindowState& s, const IncomingFile& f) {
  s.open = true;
  s.name = f.name;
  s.read_error = f.error.empty() ? "" : f.name + ": " + f.error;
  s.statement.reset();
  s.answers.clear();
  s.reply_error.clear();
  s.saved.clear();
  s.reply.reset();
  s.command.reset();
  s.refused.clear();
  s.sink.problems.clear();
  s.sink.outcome.reset();
  s.seen = s.sink.completed;
}

void open_statement(const IncomingFile& f, ReplyWindowState& s) {
  reset(s, f);
  if (!s.read_error.empty()) return;
  Result<StatementFile> file = read_statement_file(f.name, f.bytes);
  if (!file) {
    s.read_error = describe(file.problems());
    return;
  }
  s.statement = std::move(file).value();
  for (const StatementFileInvoice& i : s.statement->invoices) {
    ReplyAnswer a;
    a.amount = amount_field_text(i.open, currency_digits(i.currency));
    s.answers.push_back(a);
  }
}

void open_reply(const IncomingFile& f, Queries& queries, ReplyWindowState& s) {
  reset(s, f);
  if (!s.read_error.empty()) return;
  Result<ReplyFile> file = read_reply_file(f.name, f.bytes);
  if (!file) {
    s.read_error = describe(file.problems());
    return;
  }
  s.reply = std::move(file).value();
  Result<RecordCustomerReply> command = reply_command(queries.db(), *s.reply);
  if (!command) {
    s.refused = describe(command.problems());
    return;
  }
  s.command = std::move(command).value();
  if (std::optional<Customer> c = queries.customer(s.command->customer_id)) s.currency = c->fields.currency;
}

// The answers as reply items, or why one cannot be read (naming the invoice and the field).
Result<std::vector<ReplyItem>> answered_items(const ReplyWindowState& s) {
  std::vector<ReplyItem> items;
  Problems problems;
  for (size_t i = 0; i < s.answers.size(); ++i) {
    const ReplyAnswer& a = s.answers[i];
    const StatementFileInvoice& inv = s.statement->invoices[i];
    if (a.kind == 0) continue;
    ReplyItem item;
    item.invoice = inv.number;
    item.kind = kAnswerKinds[a.kind];
    item.notes = a.notes;
    if (a.kind == 1 || a.kind == 3) {
      Result<Date> day = read_date(a.date);
      if (day)
        item.date = day.value();
      else
        problems.push_back(
            {inv.number + ": " + (a.kind == 1 ? "pay by" : "paid on"), day.problems()[0].message});
    }
    if (a.kind == 1) {
      Result<int64_t> amount = read_amount(a.amount, currency_digits(inv.currency));
      if (amount)
        item.amount = amount.value();
      else
        problems.push_back({inv.number + ": amount", describe(amount.problems())});
    }
    if (a.kind == 2) item.reason = kReasonCodes[a.reason];
    if (a.kind == 3) item.reference = a.reference;
    items.push_back(std::move(item));
  }
  if (items.empty() && problems.empty()) problems.push_back({"answers", "answer at least one invoice"});
  if (!problems.empty()) return problems;
  return items;
}

// The reply made from the answers and handed to the user as a file; "" or why not in s.reply_error.
void save_reply(Platform& platform, ReplyWindowState& s, const Date& today) {
  s.reply_error.clear();
  s.saved.clear();
  Result<std::vector<ReplyItem>> items = answered_items(s);
  if (!items) {
    s.reply_error = describe(items.problems());
    return;
  }
  const std::vector<ReplyItem> asked = items.value();
  Result<ReplyFile> reply = make_reply(*s.statement, today, s.person, items.value());
  if (!reply) {
    // make_reply names items by their place ("items[1].amount"): say which invoice that is.
    Problems problems = reply.problems();
    for (Problem& p : problems)
      for (size_t i = 0; i < asked.size(); ++i) {
        const std::string place = "items[" + std::to_string(i) + "]";
        if (p.where.rfind(place, 0) == 0) p.where = asked[i].invoice + p.where.substr(place.size());
      }
    s.reply_error = describe(problems);
    return;
  }
  ReplyFile f = std::move(reply).value();
  const std::string name = safe_file_name("reply-" + f.customer + "-" + to_iso(today) + ".duebook");
  Result<std::string> saved = platform.save_file(name, write_reply_file(f), "application/json");
  if (saved)
    s.saved = saved.value();
  else
    s.reply_error = describe(saved.problems());
}

// Who sent the statement and how to reach and pay them.
void draw_sender(const StatementFile& f) {
  const CompanyDetails& c = f.company;
  const std::string who = c.name.empty() ? "A business" : c.name;
  ImGui::TextWrapped("%s asks %s to answer its open invoices (statement of %s).", who.c_str(),
                     f.customer.c_str(), display_date(f.as_of).c_str());
  std::string contact;
  if (!c.sender_name.empty()) contact += c.sender_name;
  for (const std::string* part : {&c.phone, &c.email})
    if (!part->empty()) contact += (contact.empty() ? "" : ", ") + *part;
  if (!contact.empty()) ImGui::TextDisabled("Contact: %s", contact.c_str());
  if (!c.iban.empty())
    ImGui::TextDisabled("Pay to %s, IBAN %s%s%s", (c.account_name.empty() ? who : c.account_name).c_str(),
                        print_iban(c.iban).c_str(), c.bic.empty() ? "" : ", BIC ", c.bic.c_str());
}

// The fields of one answer, beside its choice; true when one was edited.
bool draw_answer_details(ReplyAnswer& a, const std::string& mark) {
  bool edited = false;
  const float date_width = ImGui::CalcTextSize("0000-00-00").x + ImGui::GetStyle().FramePadding.x * 2 + 8;
  if (a.kind == 1 || a.kind == 3) {
    ImGui::SetNextItemWidth(date_width);
    edited |= ImGui::InputTextWithHint("##date", date_form(), &a.date);
    test_mark((mark + ".date").c_str());
    ImGui::SameLine();
  }
  if (a.kind == 1) {
    ImGui::SetNextItemWidth(date_width);
    edited |= ImGui::InputText("##amount", &a.amount);
    test_mark((mark + ".amount").c_str());
    ImGui::SameLine();
  }
  if (a.kind == 2) {
    ImGui::SetNextItemWidth(ImGui::CalcTextSize("Invoice not received").x + ImGui::GetFrameHeight() * 2);
    edited |= ImGui::Combo("##reason", &a.reason, kReasonNames, kReasonCount);
    test_mark((mark + ".reason").c_str());
    ImGui::SameLine();
  }
  if (a.kind == 3) {
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.45f);
    edited |= ImGui::InputTextWithHint("##reference", "payment reference", &a.reference);
    test_mark((mark + ".reference").c_str());
    ImGui::SameLine();
  }
  if (a.kind != 0) {
    ImGui::SetNextItemWidth(-1);
    edited |= ImGui::InputTextWithHint("##notes", "a note (optional)", &a.notes);
    test_mark((mark + ".notes").c_str());
  }
  return edited;
}

void draw_statement(Platform& platform, ReplyWindowState& s, const Date& today) {
  const StatementFile& f = *s.statement;
  draw_sender(f);
  ImGui::Spacing();
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_ScrollY;
  // As tall as its rows (a header and up to ten invoices), then it scrolls.
  const float padding = ImGui::GetStyle().CellPadding.y * 2;
  const float height = ImGui::GetTextLineHeight() + padding +
                       (ImGui::GetFrameHeight() + padding) * float(std::min<size_t>(f.invoices.size(), 10)) +
                       2;
  bool edited = false;
  if (ImGui::BeginTable("reply.invoices", 6, flags, ImVec2(0, height))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    // Widths from the content, known on the first frame: the window's layout must not move under a click.
    float number = ImGui::CalcTextSize("Invoice").x, money = ImGui::CalcTextSize("Total").x;
    for (const StatementFileInvoice& inv : f.invoices) {
      number =
          std::max(number, ImGui::CalcTextSize((inv.number + (inv.disputed ? " (disputed)" : "")).c_str()).x);
      money = std::max(money, ImGui::CalcTextSize(display_money(inv.total, inv.currency).c_str()).x);
    }
    ImGui::TableSetupColumn("Invoice", ImGuiTableColumnFlags_WidthFixed, number);
    ImGui::TableSetupColumn("Due", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("00/00/0000").x);
    ImGui::TableSetupColumn("Total", ImGuiTableColumnFlags_WidthFixed, money);
    ImGui::TableSetupColumn("Open", ImGuiTableColumnFlags_WidthFixed, money);
    ImGui::TableSetupColumn("Your answer", ImGuiTableColumnFlags_WidthFixed,
                            ImGui::CalcTextSize("I have paid it").x + ImGui::GetFrameHeight() * 2);
    ImGui::TableSetupColumn("Details", ImGuiTableColumnFlags_WidthStretch);
    headers_row({2, 3});
    for (size_t i = 0; i < f.invoices.size(); ++i) {
      const StatementFileInvoice& inv = f.invoices[i];
      ReplyAnswer& a = s.answers[i];
      const std::string mark = "reply.answer." + std::to_string(i);
      ImGui::PushID(int(i));
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(inv.number.c_str());
      if (inv.disputed) {
        ImGui::SameLine();
        ImGui::TextDisabled("(disputed)");
      }
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(display_date(inv.due_date).c_str());
      ImGui::TableNextColumn();
      right_aligned(display_money(inv.total, inv.currency));
      ImGui::TableNextColumn();
      right_aligned(display_money(inv.open, inv.currency));
      ImGui::TableNextColumn();
      ImGui::SetNextItemWidth(-1);
      if (ImGui::BeginCombo("##kind", kAnswerNames[a.kind])) {
        for (int k = 0; k < 4; ++k) {
          if (ImGui::Selectable(kAnswerNames[k], a.kind == k)) a.kind = k, edited = true;
          test_mark((mark + kAnswerMarks[k]).c_str());
        }
        ImGui::EndCombo();
      }
      test_mark(mark.c_str());
      ImGui::TableNextColumn();
      edited |= draw_answer_details(a, mark);
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  ImGui::Spacing();
  ImGui::SetNextItemWidth(320);
  edited |= ImGui::InputTextWithHint("Your name", "who answers", &s.person);
  // What was said about the answers before an edit no longer holds.
  if (edited) s.reply_error.clear(), s.saved.clear();
  test_mark("reply.person");
  if (ImGui::Button("Save reply file")) save_reply(platform, s, today);
  test_mark("reply.save");
  ImGui::SameLine();
  ImGui::TextDisabled("then send it back to %s", f.company.name.empty() ? "them" : f.company.name.c_str());
  if (!s.reply_error.empty()) problem_text(s.reply_error);
  if (!s.saved.empty())
    confirmation_text("Saved your reply to " + s.saved + ". Nothing was added to your own books.");
}

std::string item_text(const ReplyItem& i, const std::string& currency) {
  return describe_reply_item(i, display_money(i.amount, currency), display_date(i.date));
}

bool recorded(const ReplyWindowState& s) {
  return s.sink.completed > s.seen && s.sink.outcome && s.sink.problems.empty();
}

void draw_reply(ReplyWindowState& s, Commands& commands) {
  const ReplyFile& r = *s.reply;
  ImGui::TextWrapped("%s answered your statement on %s%s about %zu invoice%s.", r.customer.c_str(),
                     display_date(r.made_on).c_str(), r.person.empty() ? "" : (" (" + r.person + ")").c_str(),
                     r.items.size(), r.items.size() == 1 ? "" : "s");
  // One line per invoice, wrapped to the window (its width is known on the first frame, a table's stretched
  // column's is not, and the layout must not move under a click).
  ImGui::Spacing();
  for (const ReplyItem& i : r.items) {
    ImGui::Bullet();
    ImGui::TextWrapped("%s: %s", i.invoice.c_str(), item_text(i, s.currency).c_str());
  }
  ImGui::Spacing();
  if (!s.refused.empty()) {
    problem_text("Refused, nothing was written: " + s.refused);
    test_mark("reply.refused");
    return;
  }
  if (recorded(s)) {
    confirmation_text(
        "Recorded: a contact from the customer per invoice, with the promises and disputes it "
        "makes. Undo takes it back.");
    test_mark("reply.recorded");
    return;
  }
  if (s.sink.completed > s.seen && !s.sink.problems.empty()) {
    problem_text("Refused, nothing was written: " + describe(s.sink.problems));
    test_mark("reply.refused");
    return;
  }
  ImGui::TextDisabled(
      "A claim that an invoice was paid is recorded as a contact to check against the bank, "
      "never as a payment.");
  if (ImGui::Button("Record the reply")) commands.submit(*s.command, &s.sink);
  test_mark("reply.record");
}

}  // namespace

bool accept_share_files(std::vector<IncomingFile>& files, Queries& queries, ReplyWindowState& state) {
  const size_t given = files.size();
  std::vector<IncomingFile> rest;
  for (IncomingFile& f : files) {
    const ShareFileKind kind = f.error.empty() ? sniff_share_file(f.bytes) : ShareFileKind::Unknown;
    if (kind == ShareFileKind::Statement)
      open_statement(f, state);
    else if (kind == ShareFileKind::Reply)
      open_reply(f, queries, state);
    else
      rest.push_back(std::move(f));
  }
  files = std::move(rest);
  return files.size() < given;
}

void draw_reply_window(Platform& platform, ReplyWindowState& state, Commands& commands, const Date& today) {
  if (!state.open) return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(
      ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.45f),
      ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(940, 480), ImGuiCond_Appearing);
  const char* title = state.reply ? "A customer's reply###reply" : "Answer a statement###reply";
  if (!ImGui::Begin(title, &state.open, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
    ImGui::End();
    return;
  }
  test_mark("reply.window");
  ImGui::TextDisabled("%s", state.name.c_str());
  if (!state.read_error.empty()) {
    problem_text("Refused, nothing was read: " + state.read_error);
    test_mark("reply.error");
  } else if (state.statement) {
    draw_statement(platform, state, today);
  } else if (state.reply) {
    draw_reply(state, commands);
  }
  ImGui::End();
}

std::string reply_facts(const ReplyWindowState& s) {
  nlohmann::json j;
  j["open"] = s.open;
  j["file"] = s.name;
  j["side"] = s.statement ? "statement" : s.reply ? "reply" : "";
  j["error"] = s.read_error.empty() ? s.reply_error : s.read_error;
  j["invoices"] = s.statement ? s.statement->invoices.size() : 0;
  j["saved"] = s.saved;
  j["items"] = nlohmann::json::array();
  if (s.reply)
    for (const ReplyItem& i : s.reply->items)
      j["items"].push_back({{"invoice", i.invoice}, {"what", item_text(i, s.currency)}});
  j["refused"] = s.refused;
  j["recorded"] = recorded(s);
  j["problems"] = s.sink.completed > s.seen ? describe(s.sink.problems) : "";
  return j.dump();
}

}  // namespace duebook::ui
