#include "store/schema.h"

namespace duebook {
namespace {

struct Migration {
  int version;       // applied in increasing order, never renumbered
  const char* name;  // what it does
  const char* sql;   // statements run inside the migration's transaction
};

// Never edit a migration that has shipped: add a new one.
const Migration kMigrations[] = {
    {1, "event log, actions, customers and contacts", R"SQL(
CREATE TABLE events(
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  at_ms INTEGER NOT NULL,
  actor TEXT NOT NULL,
  type TEXT NOT NULL,
  payload TEXT NOT NULL,
  action INTEGER NOT NULL,
  action_kind TEXT NOT NULL,
  action_target INTEGER NOT NULL,
  label TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL);
CREATE INDEX events_by_action ON events(action);

CREATE TABLE settings(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

CREATE TABLE actions(
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  target INTEGER NOT NULL,
  label TEXT NOT NULL,
  state TEXT NOT NULL,
  first_seq INTEGER NOT NULL,
  last_seq INTEGER NOT NULL);

CREATE TABLE customers(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  currency TEXT NOT NULL,
  address TEXT NOT NULL DEFAULT '',
  tax_id TEXT NOT NULL DEFAULT '',
  terms TEXT NOT NULL DEFAULT '',
  credit_limit INTEGER,
  notes TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'active',
  retracted INTEGER NOT NULL DEFAULT 0,
  created_seq INTEGER NOT NULL);
CREATE INDEX customers_by_name ON customers(retracted, name_key);

CREATE TABLE contacts(
  customer_id INTEGER NOT NULL,
  position INTEGER NOT NULL,
  role TEXT NOT NULL,
  name TEXT NOT NULL,
  email TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  PRIMARY KEY(customer_id, position)) WITHOUT ROWID;
)SQL"},
    {2, "invoices, credit notes, payments, allocations, balances, schedules, imports", R"SQL(
CREATE INDEX actions_by_state ON actions(state, kind);

CREATE TABLE invoices(
  id INTEGER PRIMARY KEY,
  number TEXT,
  series TEXT NOT NULL,
  number_year INTEGER,
  counter INTEGER,
  external INTEGER NOT NULL DEFAULT 0,
  customer_id INTEGER NOT NULL,
  currency TEXT NOT NULL,
  issue_date TEXT NOT NULL,
  due_date TEXT NOT NULL,
  due_explicit INTEGER NOT NULL,
  terms TEXT NOT NULL,
  memo TEXT NOT NULL,
  net INTEGER NOT NULL,
  tax INTEGER NOT NULL,
  total INTEGER NOT NULL,
  allocated INTEGER NOT NULL DEFAULT 0,
  credited INTEGER NOT NULL DEFAULT 0,
  written_off INTEGER NOT NULL DEFAULT 0,
  open_amount INTEGER NOT NULL DEFAULT 0,
  issued INTEGER NOT NULL DEFAULT 0,
  discarded INTEGER NOT NULL DEFAULT 0,
  voided INTEGER NOT NULL DEFAULT 0,
  voided_on TEXT,
  void_reason TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL,
  settled_on TEXT,
  schedule_id INTEGER,
  occurrence INTEGER,
  import_id INTEGER,
  created_seq INTEGER NOT NULL);
CREATE UNIQUE INDEX invoices_by_number ON invoices(number COLLATE NOCASE);
-- One index serves the allocation rule (a customer's open invoices, settled_on NULL, oldest due first) and the
-- reports "as of" a date (skip what was settled before it), in the order both read.
CREATE INDEX invoices_by_customer ON invoices(customer_id, settled_on, due_date, issue_date, number);

CREATE TABLE invoice_lines(
  invoice_id INTEGER NOT NULL,
  position INTEGER NOT NULL,
  description TEXT NOT NULL,
  quantity TEXT NOT NULL,
  unit_price INTEGER NOT NULL,
  discount INTEGER NOT NULL,
  tax_rate TEXT NOT NULL,
  net INTEGER NOT NULL,
  PRIMARY KEY(invoice_id, position)) WITHOUT ROWID;

CREATE TABLE number_series(
  kind TEXT NOT NULL,
  prefix TEXT NOT NULL,
  year INTEGER NOT NULL,
  last INTEGER NOT NULL,
  PRIMARY KEY(kind, prefix, year)) WITHOUT ROWID;

CREATE TABLE payments(
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL,
  date TEXT NOT NULL,
  amount INTEGER NOT NULL,
  currency TEXT NOT NULL,
  method TEXT NOT NULL,
  reference TEXT NOT NULL,
  unallocated INTEGER NOT NULL,
  status TEXT NOT NULL,
  import_id INTEGER,
  created_seq INTEGER NOT NULL);
CREATE INDEX payments_by_customer ON payments(customer_id, date);

CREATE TABLE credit_notes(
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL,
  series TEXT NOT NULL,
  number_year INTEGER NOT NULL,
  counter INTEGER NOT NULL,
  customer_id INTEGER NOT NULL,
  invoice_id INTEGER,
  date TEXT NOT NULL,
  amount INTEGER NOT NULL,
  currency TEXT NOT NULL,
  reason TEXT NOT NULL,
  unallocated INTEGER NOT NULL,
  status TEXT NOT NULL,
  created_seq INTEGER NOT NULL);
CREATE UNIQUE INDEX credit_notes_by_number ON credit_notes(number COLLATE NOCASE);
CREATE INDEX credit_notes_by_customer ON credit_notes(customer_id, date);

CREATE TABLE allocations(
  id INTEGER PRIMARY KEY,
  source_kind TEXT NOT NULL,
  source_id INTEGER NOT NULL,
  invoice_id INTEGER NOT NULL,
  customer_id INTEGER NOT NULL,
  amount INTEGER NOT NULL,
  date TEXT NOT NULL,
  removed INTEGER NOT NULL DEFAULT 0);
CREATE INDEX allocations_by_invoice ON allocations(invoice_id, removed);
CREATE INDEX allocations_by_source ON allocations(source_kind, source_id, removed);

CREATE TABLE refunds(
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL,
  source_kind TEXT NOT NULL,
  source_id INTEGER NOT NULL,
  amount INTEGER NOT NULL,
  date TEXT NOT NULL,
  method TEXT NOT NULL,
  reference TEXT NOT NULL,
  reversed INTEGER NOT NULL DEFAULT 0);
CREATE INDEX refunds_by_source ON refunds(source_kind, source_id, reversed);

CREATE TABLE write_offs(
  id INTEGER PRIMARY KEY,
  invoice_id INTEGER NOT NULL,
  customer_id INTEGER NOT NULL,
  amount INTEGER NOT NULL,
  date TEXT NOT NULL,
  reason TEXT NOT NULL,
  reversed INTEGER NOT NULL DEFAULT 0);
CREATE INDEX write_offs_by_invoice ON write_offs(invoice_id, reversed);

CREATE TABLE customer_balances(
  customer_id INTEGER PRIMARY KEY,
  ar_balance INTEGER NOT NULL DEFAULT 0,
  unapplied_credit INTEGER NOT NULL DEFAULT 0);

CREATE TABLE schedules(
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL,
  frequency TEXT NOT NULL,
  every_days INTEGER NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT,
  issue INTEGER NOT NULL,
  series TEXT NOT NULL,
  terms TEXT NOT NULL,
  memo TEXT NOT NULL,
  lines TEXT NOT NULL,
  next_index INTEGER NOT NULL DEFAULT 0,
  next_date TEXT,
  removed INTEGER NOT NULL DEFAULT 0);
CREATE INDEX schedules_due ON schedules(removed, next_date);

CREATE TABLE imports(
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  file TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  rows INTEGER NOT NULL,
  invoices INTEGER NOT NULL,
  payments INTEGER NOT NULL,
  customers INTEGER NOT NULL,
  at_ms INTEGER NOT NULL,
  retracted INTEGER NOT NULL DEFAULT 0);
CREATE INDEX imports_by_sha ON imports(sha256, retracted);
)SQL"},
    {3, "collections: policies, steps done, contact log, promises, disputes, holds, charges, plans, endgame", R"SQL(
CREATE TABLE collection_policies(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  policy TEXT NOT NULL,
  removed INTEGER NOT NULL DEFAULT 0);

CREATE TABLE collection_settings(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

CREATE TABLE collection_accounts(
  customer_id INTEGER PRIMARY KEY,
  policy_id INTEGER NOT NULL DEFAULT 0,
  snoozed_until TEXT,
  hold_by_rules INTEGER NOT NULL DEFAULT 0);

CREATE TABLE collection_steps(
  done_id INTEGER NOT NULL,
  invoice_id INTEGER NOT NULL,
  customer_id INTEGER NOT NULL,
  step_index INTEGER NOT NULL,
  date TEXT NOT NULL,
  outcome TEXT NOT NULL,
  removed INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY(done_id, invoice_id)) WITHOUT ROWID;
CREATE INDEX collection_steps_by_customer ON collection_steps(customer_id, removed);

CREATE TABLE contact_log(
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL,
  date TEXT NOT NULL,
  channel TEXT NOT NULL,
  person TEXT NOT NULL,
  outcome TEXT NOT NULL,
  notes TEXT NOT NULL,
  invoices TEXT NOT NULL,
  step_done_id INTEGER,
  retracted INTEGER NOT NULL DEFAULT 0,
  created_seq INTEGER NOT NULL);
CREATE INDEX contact_log_by_customer ON contact_log(customer_id, date);

CREATE TABLE promises(
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL,
  made_on TEXT NOT NULL,
  pay_by TEXT NOT NULL,
  amount INTEGER NOT NULL,
  currency TEXT NOT NULL,
  invoices TEXT NOT NULL,
  notes TEXT NOT NULL,
  retracted INTEGER NOT NULL DEFAULT 0);
CREATE INDEX promises_by_customer ON promises(customer_id, retracted);

CREATE TABLE disputes(
  id INTEGER PRIMARY KEY,
  invoice_id INTEGER NOT NULL,
  customer_id INTEGER NOT NULL,
  opened_on TEXT NOT NULL,
  reason TEXT NOT NULL,
  notes TEXT NOT NULL,
  status TEXT NOT NULL,
  resolved_on TEXT,
  resolution TEXT,
  amount INTEGER,
  credit_note_id INTEGER);
CREATE INDEX disputes_by_invoice ON disputes(invoice_id, status);

CREATE TABLE hold_overrides(
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL,
  invoice_id INTEGER NOT NULL,
  date TEXT NOT NULL,
  status TEXT NOT NULL,
  reason TEXT NOT NULL,
  retracted INTEGER NOT NULL DEFAULT 0);

CREATE TABLE charges(
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  invoice_id INTEGER NOT NULL,
  customer_id INTEGER NOT NULL,
  step_index INTEGER NOT NULL,
  charge_invoice_id INTEGER,
  amount INTEGER NOT NULL,
  currency TEXT NOT NULL,
  date TEXT NOT NULL,
  basis TEXT NOT NULL,
  status TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '');
CREATE INDEX charges_by_invoice ON charges(invoice_id, kind, step_index, status);
CREATE INDEX charges_by_charge_invoice ON charges(charge_invoice_id);

CREATE TABLE installment_plans(
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL,
  agreed_on TEXT NOT NULL,
  currency TEXT NOT NULL,
  balance INTEGER NOT NULL,
  count INTEGER NOT NULL,
  first_due TEXT NOT NULL,
  every_days INTEGER NOT NULL,
  invoices TEXT NOT NULL,
  status TEXT NOT NULL);

CREATE TABLE installments(
  plan_id INTEGER NOT NULL,
  number INTEGER NOT NULL,
  due TEXT NOT NULL,
  amount INTEGER NOT NULL,
  cumulative INTEGER NOT NULL,
  PRIMARY KEY(plan_id, number)) WITHOUT ROWID;

CREATE TABLE settlements(
  id INTEGER PRIMARY KEY,
  invoice_id INTEGER NOT NULL,
  customer_id INTEGER NOT NULL,
  date TEXT NOT NULL,
  balance INTEGER NOT NULL,
  accepted INTEGER NOT NULL,
  written_off INTEGER NOT NULL,
  currency TEXT NOT NULL,
  reason TEXT NOT NULL,
  write_off_id INTEGER NOT NULL,
  retracted INTEGER NOT NULL DEFAULT 0);

CREATE TABLE agency_placements(
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL,
  agency TEXT NOT NULL,
  commission TEXT NOT NULL,
  date TEXT NOT NULL,
  currency TEXT NOT NULL,
  placed INTEGER NOT NULL,
  expected_net INTEGER NOT NULL,
  recalled INTEGER NOT NULL DEFAULT 0);

CREATE TABLE agency_invoices(
  placement_id INTEGER NOT NULL,
  invoice_id INTEGER NOT NULL,
  amount INTEGER NOT NULL,
  PRIMARY KEY(placement_id, invoice_id)) WITHOUT ROWID;
CREATE INDEX agency_invoices_by_invoice ON agency_invoices(invoice_id);

CREATE TABLE factorings(
  id INTEGER PRIMARY KEY,
  factor TEXT NOT NULL,
  date TEXT NOT NULL,
  currency TEXT NOT NULL,
  advance_percent TEXT NOT NULL,
  fee_percent TEXT NOT NULL,
  fee_basis TEXT NOT NULL,
  amount INTEGER NOT NULL,
  cash_today INTEGER NOT NULL,
  reserve INTEGER NOT NULL,
  fee INTEGER NOT NULL,
  reserve_released INTEGER NOT NULL,
  annual_cost_bp TEXT NOT NULL,
  recalled INTEGER NOT NULL DEFAULT 0);

CREATE TABLE factored_invoices(
  factoring_id INTEGER NOT NULL,
  invoice_id INTEGER NOT NULL,
  customer_id INTEGER NOT NULL,
  amount INTEGER NOT NULL,
  advance INTEGER NOT NULL,
  fee INTEGER NOT NULL,
  expected_paid_on TEXT NOT NULL,
  collected INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY(factoring_id, invoice_id)) WITHOUT ROWID;
CREATE INDEX factored_invoices_by_invoice ON factored_invoices(invoice_id);
)SQL"},
    {4, "the unpaid invoices by due date", R"SQL(
-- The invoice list's "unpaid" filter (open and partial: a tenth of a mature ledger) reads only these rows, by
-- due date, so an overdue bucket is one range of this index and only its rows are searched and sorted
-- (ledger_queries.cpp list_invoices; bench/bench_main.cpp invoice_page).
CREATE INDEX invoices_unpaid_by_due ON invoices(due_date) WHERE status IN ('open', 'partial');
)SQL"},
};

}  // namespace

int latest_schema_version() { return kMigrations[std::size(kMigrations) - 1].version; }

const std::vector<std::string>& projection_tables() {
  static const std::vector<std::string> tables = {
      "actions",     "customers", "contacts", "invoices",          "invoice_lines", "number_series", "payments",
      "credit_notes", "allocations", "refunds", "write_offs", "customer_balances", "schedules",     "imports",
      // collections (migration 3)
      "collection_policies", "collection_settings", "collection_accounts", "collection_steps", "contact_log",
      "promises", "disputes", "hold_overrides", "charges", "installment_plans", "installments", "settlements",
      "agency_placements", "agency_invoices", "factorings", "factored_invoices"};
  return tables;
}

Status migrate(Db& db) {
  Statement& app = db.prepare("PRAGMA application_id");
  int64_t application_id = app.step() ? app.int64(0) : 0;
  app.reset();
  Statement& ver = db.prepare("PRAGMA user_version");
  int64_t version = ver.step() ? ver.int64(0) : 0;
  ver.reset();

  if (application_id != 0 && application_id != kApplicationId)
    return Problem{db.path(), "this is not a Duebook ledger (it belongs to another application)"};
  if (application_id == 0 && version == 0) {
    Statement& any = db.prepare("SELECT count(*) FROM sqlite_schema");
    int64_t objects = any.step() ? any.int64(0) : 0;
    any.reset();
    if (objects > 0) return Problem{db.path(), "this SQLite file is not a Duebook ledger"};
  }
  if (version > latest_schema_version())
    return Problem{db.path(), "this ledger was written by a newer Duebook (schema " + std::to_string(version) +
                                  "; this version reads up to " + std::to_string(latest_schema_version()) +
                                  "). Update Duebook to open it."};
  if (version == latest_schema_version()) return ok_status();

  Transaction tx(db);
  if (Status s = db.exec("CREATE TABLE IF NOT EXISTS schema_migrations(version INTEGER PRIMARY KEY, name TEXT "
                         "NOT NULL)");
      !s)
    return s;
  for (const Migration& m : kMigrations) {
    if (m.version <= version) continue;
    if (Status s = db.exec(m.sql); !s)
      return Problem{db.path(), "migration " + std::to_string(m.version) + " failed: " + describe(s.problems())};
    if (Status s = db.prepare("INSERT INTO schema_migrations(version, name) VALUES (?1, ?2)")
                       .bind_all(int64_t{m.version}, m.name)
                       .run();
        !s)
      return s;
  }
  if (Status s = db.exec("PRAGMA application_id = " + std::to_string(kApplicationId) +
                         "; PRAGMA user_version = " + std::to_string(latest_schema_version()));
      !s)
    return s;
  return tx.commit();
}

}  // namespace duebook
