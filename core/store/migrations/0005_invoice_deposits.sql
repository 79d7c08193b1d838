-- Down payments: the deposit an invoice's terms ask for ("30% deposit, Net 30"), due on the invoice date; the
-- rest is due on the due date (invoicing/deposits.h). Set when the invoice is issued; 0 = none.
ALTER TABLE invoices ADD COLUMN deposit INTEGER NOT NULL DEFAULT 0;
