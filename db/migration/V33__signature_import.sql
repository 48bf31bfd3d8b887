-- Signatures made elsewhere (CLA Assistant Lite's file, a CSV export) and imported: where each came from, as
-- canonical JSON {"file": <SHA-256 of the file>, "place": <array index or line>, "format", "record": <the original>}.
-- Null for a signature made on Covenant's page; rows written before this column hash as they did (a null column is
-- left out of a row's hash).
ALTER TABLE signature ADD COLUMN import_source text;
