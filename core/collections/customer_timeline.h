// One customer's timeline: everything that happened to it (invoices, reminders, calls, letters, promises,
// disputes, payments, fees, holds), one entry per user action, newest first, read from the event log.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "store/db.h"

namespace duebook {

// One action that touched the customer.
struct TimelineEntry {
  int64_t seq = 0;     // the action's first event about the customer
  int64_t action = 0;  // the action (undo unit)
  std::string kind;    // invoice, payment, reminder, call, letter, email, contact, promise, dispute,
                       // fee, credit note, refund, write-off, hold, customer, allocation, import, document,
                       // reply, undo, redo
  std::string date;    // ISO: the day it happened as recorded in the event, else the day it was recorded
  std::string what;    // the action's label ("Record payment of 1200.00 EUR from Acme Ltd")
  std::string actor;   // who recorded it
  std::string hash_prefix;  // the first 12 hex digits of that event's hash
  // An import (kind "import") that created the customer's invoices or payments; 0 / empty otherwise.
  int64_t import_id = 0;        // the import
  std::string import_file;      // the file's name, without its folders
  int64_t import_invoices = 0;  // of the customer's invoices, how many it created
  int64_t import_payments = 0;  // of the customer's payments, how many it created
};

// The actions that touched customer `customer_id`, newest first, at most `limit` of them: events naming the
// customer ("customer" or "customer_id" in the payload), the customer's own events, and the events of its
// invoices and disputes that name only their record, and each import that created its invoices or payments
// (one entry, "Import invoices from march.csv: 3 invoices", with the file and the customer's counts). Found
// through the events_by_customer and events_by_record indexes, so the cost follows the customer's events, not
// the log's length. Undo and redo actions are entries too (kind "undo" / "redo"), as the log is append-only.
// Reads only; empty for an unknown customer.
std::vector<TimelineEntry> customer_timeline(Db& db, int64_t customer_id, int64_t limit = 500);

// How SQLite runs customer_timeline's search: the steps of EXPLAIN QUERY PLAN, for tests.
std::vector<std::string> customer_timeline_plan(Db& db, int64_t customer_id);

}  // namespace duebook
