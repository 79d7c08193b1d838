-- A customer's country (ISO 3166-1 alpha-2) and electronic address for e-invoices ("SCHEME:ID", Peppol EAS),
-- given apart from the address text; every customer before this migration had neither ("": the UBL export reads
-- the country from the address's last line and takes the billing email as the address).
ALTER TABLE customers ADD COLUMN country TEXT NOT NULL DEFAULT '';
ALTER TABLE customers ADD COLUMN endpoint TEXT NOT NULL DEFAULT '';
