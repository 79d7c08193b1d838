// The Today window's view of one entry: its overdue invoices with their promises and disputes, the contact
// to reach, and the step's material (the call script with talking points, the email with "Compose in mail
// app" and "Copy", the letter with "Copy" and "Print", the duplicate invoice a reminder sends).
#pragma once

#include <optional>

#include "base/date.h"
#include "collections/collections_worklist.h"
#include "documents.h"

namespace duebook::ui {

class Queries;
class Platform;

// The customer's open invoices due by `as_of` (the entry's first), with days late, open amount and flags,
// and the contact to reach.
void draw_entry_facts(Queries& queries, const WorklistItem& item, const Date& as_of);

// The step's material, rendered with the customer's names, numbers, amounts and dates. A click on one of its
// PDF buttons (the letter; the reminder or duplicate of each invoice) sets `pdf` (its date left for the
// caller).
void draw_entry_material(Queries& queries, Platform& platform, const WorklistItem& item,
                         std::optional<DocumentRequest>* pdf);

}  // namespace duebook::ui
