
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
