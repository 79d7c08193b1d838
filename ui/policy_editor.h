// The collections policy editor: a policy's steps (day from the due date, action, message template, whom it
// reaches, the payment deadline it gives, late fee and interest notice), reordered with up/down, added and
// removed, with the schedule a sample invoice would follow shown live; saved through SavePolicy and assigned
// to a customer through SetCustomerPolicy.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/date.h"
#include "collections/collections.h"
#include "commands.h"

namespace duebook::ui {

class Queries;

struct PolicyEditorState {
  int64_t policy_id = -1;     // the policy being edited (0 = the built-in default); -1 = load the first
  PolicyRecord draft;         // the policy as edited, not yet saved
  bool dirty = false;         // the draft differs from what was loaded
  int64_t for_customer = 0;   // assign the saved policy to this customer (0 = none)
  std::string customer_name;  // that customer's name
  std::vector<PolicyRecord> policies;      // the saved policies, for the picker
  int64_t cache_revision = -1;             // the ledger revision `policies` was read at
  CommandSink save_sink;                   // the result of the last SavePolicy
  CommandSink assign_sink;                 // the result of the last SetCustomerPolicy
  int64_t save_seen = 0, assign_seen = 0;  // sink results already handled
  std::string message;                     // what the last save or assignment did
  std::vector<Date> preview;               // the day of each step for the sample invoice (due today)
};

// Opens the editor on the policy customer `customer_id` is chased by, ready to assign the saved result to it.
void open_policy_for_customer(Queries& queries, PolicyEditorState& state, int64_t customer_id);

// Draws the editor (the Policies tab's content) as of `today`.
void draw_policy_editor(Queries& queries, PolicyEditorState& state, Commands& commands, const Date& today);

// Facts for end-to-end tests, as JSON text: {"policy_id", "name", "dirty", "for_customer", "offsets",
// "preview" (ISO days), "problems", "message"}.
std::string policy_editor_facts(const PolicyEditorState& state);

}  // namespace duebook::ui
