
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
