-- A ledger entry's three hashes were checked with '^[0-9a-f]{64}$', which PostgreSQL's regular expressions evaluate
-- slowly: about 1.5 s for every 100,000 entries an import writes, as much as the rows and their indexes together.
-- The same rule as a length and a character class costs a tenth of that.
ALTER TABLE ledger_entry
    DROP CONSTRAINT ledger_entry_prev_hash_check,
    DROP CONSTRAINT ledger_entry_hash_check,
    DROP CONSTRAINT ledger_entry_row_hash_check,
    ADD CONSTRAINT ledger_entry_prev_hash_check CHECK (length(prev_hash) = 64 AND prev_hash !~ '[^0-9a-f]'),
    ADD CONSTRAINT ledger_entry_hash_check CHECK (length(hash) = 64 AND hash !~ '[^0-9a-f]'),
    ADD CONSTRAINT ledger_entry_row_hash_check CHECK (length(row_hash) = 64 AND row_hash !~ '[^0-9a-f]');

-- signature_person_version (github_id, agreement_version_id) serves every lookup by person that this one did, and an
-- import need not keep both up to date.
DROP INDEX signature_person;
