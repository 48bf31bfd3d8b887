-- The ledger protects every row it speaks for.
--
-- 1. Signatures, corporate agreements, approval lists, CLA managers and consents are append-only: the database
--    refuses UPDATE, DELETE and TRUNCATE on them. What used to be an update (a revocation, an approval's removal) is
--    a new row in its own append-only table, recorded by a ledger event in the same commit.
-- 2. Entries are hashed in format 2: every field, its time included, and the hash of the row the entry speaks for,
--    re-derived by verify from the row itself. Entries written before this migration keep format 1.
-- 3. The service signs the chain head with its own key, so heads stored elsewhere can be checked.

-- Revocations and removals as new rows. Their foreign key to the ledger is checked at commit: the row is written
-- first and the ledger entry that hashes it right after, in the same transaction.
CREATE TABLE signature_revocation (
    signature_id  uuid        PRIMARY KEY REFERENCES signature (id),
    revoked_at    timestamptz NOT NULL,
    -- Null only for revocations made before V20 that named no entry.
    ledger_seq    bigint      REFERENCES ledger_entry (seq) DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE corporate_revocation (
    corporate_id  uuid        PRIMARY KEY REFERENCES corporate_agreement (id),
    revoked_at    timestamptz NOT NULL,
    ledger_seq    bigint      REFERENCES ledger_entry (seq) DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE approval_removal (
    approval_id  bigint      PRIMARY KEY REFERENCES approval (id),
    removed_at   timestamptz NOT NULL,
    -- Null only for removals made before V20 that did not record who or which entry.
    removed_by   bigint,
    ledger_seq   bigint      REFERENCES ledger_entry (seq) DEFERRABLE INITIALLY DEFERRED
);

INSERT INTO signature_revocation (signature_id, revoked_at, ledger_seq)
    SELECT id, revoked_at, revocation_ledger_seq FROM signature WHERE revoked_at IS NOT NULL;
INSERT INTO corporate_revocation (corporate_id, revoked_at, ledger_seq)
    SELECT id, revoked_at, revocation_ledger_seq FROM corporate_agreement WHERE revoked_at IS NOT NULL;
INSERT INTO approval_removal (approval_id, removed_at, removed_by, ledger_seq)
    SELECT a.id, a.removed_at, a.removed_by,
           (SELECT max(e.seq) FROM ledger_entry e WHERE e.kind = 'corporate.approval.removed'
                AND e.event::jsonb ->> 'approval' = a.id::text)
    FROM approval a WHERE a.removed_at IS NOT NULL;

-- The mutable columns go; the one-active-signature index went with revoked_at, signing serialises per person.
ALTER TABLE signature DROP COLUMN revoked_at, DROP COLUMN revocation_ledger_seq;
ALTER TABLE corporate_agreement DROP COLUMN revoked_at, DROP COLUMN revocation_ledger_seq;
ALTER TABLE approval DROP COLUMN removed_at, DROP COLUMN removed_by;
CREATE INDEX approval_value ON approval (kind, value);
CREATE INDEX signature_person_version ON signature (github_id, agreement_version_id);

-- A protected row is written before the entry that hashes it.
ALTER TABLE signature ALTER CONSTRAINT signature_ledger_seq_fkey DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE corporate_agreement ALTER CONSTRAINT corporate_agreement_ledger_seq_fkey DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE approval ALTER CONSTRAINT approval_ledger_seq_fkey DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE consent ALTER CONSTRAINT consent_ledger_seq_fkey DEFERRABLE INITIALLY DEFERRED;

-- Statement triggers: a statement is refused even when it matches no row, so no UPDATE of these tables can hide
-- in the code behind an empty result.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['signature', 'signature_revocation', 'corporate_agreement', 'corporate_revocation',
                             'approval', 'approval_removal', 'cla_manager', 'consent'] LOOP
        EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OR DELETE OR TRUNCATE ON %I '
                       'FOR EACH STATEMENT EXECUTE FUNCTION covenant_reject_change()', t || '_protected', t);
    END LOOP;
END;
$$;

-- Format 2 entries: every field hashed, and the row an entry speaks for.
ALTER TABLE ledger_entry
    ADD COLUMN format    integer  NOT NULL DEFAULT 1 CHECK (format IN (1, 2)),
    ADD COLUMN row_table text,
    ADD COLUMN row_id    text,
    ADD COLUMN row_hash  text CHECK (row_hash ~ '^[0-9a-f]{64}$'),
    ADD CHECK ((row_table IS NULL) = (row_id IS NULL) AND (row_id IS NULL) = (row_hash IS NULL));
ALTER TABLE ledger_entry ALTER COLUMN format DROP DEFAULT;
CREATE INDEX ledger_entry_row ON ledger_entry (row_table, row_id) WHERE row_table IS NOT NULL;
CREATE INDEX ledger_entry_kind_time ON ledger_entry (kind, recorded_at);

-- Where format 2 begins: an entry of format 1 after it is a forgery that dodges the stronger hash.
CREATE TABLE ledger_format_start (
    format     integer  PRIMARY KEY,
    first_seq  bigint   NOT NULL
);
INSERT INTO ledger_format_start (format, first_seq) SELECT 2, coalesce(max(seq), 0) + 1 FROM ledger_entry;
CREATE TRIGGER ledger_format_start_protected BEFORE UPDATE OR DELETE OR TRUNCATE ON ledger_format_start
    FOR EACH STATEMENT EXECUTE FUNCTION covenant_reject_change();

-- The key the service signs chain heads with, made at first start (the first instance to insert wins).
CREATE TABLE ledger_key (
    key_id       text        PRIMARY KEY,
    algorithm    text        NOT NULL,
    public_key   bytea       NOT NULL,
    private_key  bytea       NOT NULL,
    created_at   timestamptz NOT NULL
);
CREATE TRIGGER ledger_key_protected BEFORE UPDATE OR DELETE OR TRUNCATE ON ledger_key
    FOR EACH STATEMENT EXECUTE FUNCTION covenant_reject_change();
