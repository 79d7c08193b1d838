
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
