-- The columns of an imported file that the importer did not read, as the import's report lists them (a
-- comma-separated list of the header's names; '' when every column was read). Nothing is dropped silently.
ALTER TABLE imports ADD COLUMN unread_columns TEXT NOT NULL DEFAULT '';
