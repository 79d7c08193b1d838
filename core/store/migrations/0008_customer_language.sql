-- The language a customer's messages and documents are written in (ISO 639-1: en, de, fr, es); every customer
-- before this migration was written to in English.
ALTER TABLE customers ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
