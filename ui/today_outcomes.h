// The Today window's outcomes: the buttons (and number keys) that record what came of a contact, the forms
// some of them open (promise, dispute, snooze, contacts), and the confirmation of what was recorded.
#pragma once

#include "base/date.h"
#include "collections/collections_worklist.h"
#include "commands.h"
#include "today_window.h"

namespace duebook::ui {

class Queries;

// The outcomes in key order: 1 reached (or sent), 2 voicemail, 3 no answer, 4 promised, 5 disputed, 6 paid,
// 7 wrong contact, 8 snooze.
inline constexpr int kOutcomeCount = 8;

// Fills the drafts for a newly opened entry: promise by a week from `as_of` for the whole open amount,
// snooze for a week, the customer's contacts as stored.
void prepare_outcome_drafts(Queries& queries, TodayWindowState& state, const WorklistItem& item,
                            const Date& as_of);

// Does what outcome `number` (1..kOutcomeCount) does for `item`: records it at once, or opens its form.
void choose_outcome(Queries& queries, TodayWindowState& state, Commands& commands, const WorklistItem& item,
                    const Date& as_of, int number);

// Shows the result of the last submit: the confirmation once accepted (and the form closed).
void take_outcome_result(TodayWindowState& state);

// The notes field, the outcome buttons and the open form, with problems beside their fields.
void draw_outcomes(Queries& queries, TodayWindowState& state, Commands& commands, const WorklistItem& item,
                   const Date& as_of);

}  // namespace duebook::ui
