
-- The invoice list's "unpaid" filter (open and partial: a tenth of a mature ledger) reads only these rows, by
-- due date, so an overdue bucket is one range of this index and only its rows are searched and sorted
-- (invoicing/invoice_queries.cpp list_invoices; bench/bench_main.cpp invoice_page).
CREATE INDEX invoices_unpaid_by_due ON invoices(due_date) WHERE status IN ('open', 'partial');
