
-- A customer's timeline reads the events about that customer (collections/customer_timeline.cpp): most events
-- name it in "customer" (or "customer_id"); the customer's own events and those of its invoices and disputes
-- name their record in "id" and are found by type and id.
CREATE INDEX events_by_customer
  ON events(coalesce(json_extract(payload, '$.customer'), json_extract(payload, '$.customer_id')));
CREATE INDEX events_by_record ON events(type, json_extract(payload, '$.id'));
-- The customers list's "with agency" standing (collections/customer_accounts.cpp).
CREATE INDEX agency_placements_by_customer ON agency_placements(customer_id, recalled);
-- A customer's disputes, for its page and timeline.
CREATE INDEX disputes_by_customer ON disputes(customer_id);
