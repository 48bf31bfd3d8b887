-- Commit addresses tied to a person by other means than GitHub's verification.
--
-- A maintainer's link: for one repository's relicensing, an address (lower-cased) is a GitHub account's, or a named
-- person's reachable at a contact address, for a stated reason. A removal ends a link but never erases it; each
-- change is also a ledger entry (its seq kept here).
CREATE TABLE address_link (
    id bigserial PRIMARY KEY,
    repository text NOT NULL,
    email text NOT NULL CHECK (email = lower(email)),
    github_id bigint,
    person_name text,
    contact_email text,
    reason text NOT NULL,
    linked_by text NOT NULL,
    linked_at timestamptz NOT NULL,
    ledger_seq bigint NOT NULL,
    removed_by text,
    removed_at timestamptz,
    removed_ledger_seq bigint,
    CHECK ((github_id IS NULL) = (person_name IS NOT NULL)),
    CHECK ((person_name IS NULL) = (contact_email IS NULL)),
    CHECK ((removed_at IS NULL) = (removed_ledger_seq IS NULL))
);
CREATE UNIQUE INDEX address_link_current ON address_link (repository, email) WHERE removed_at IS NULL;
CREATE INDEX address_link_account ON address_link (github_id) WHERE removed_at IS NULL;

-- A contributor's claim of an address, proved by a one-time code mailed there. Only the code's SHA-256 is kept.
-- Wrong codes are counted; past the limit the claim is locked until `locked_until`. A verified claim makes the
-- address the account's verified address everywhere, like one GitHub verified (its ledger entry's seq kept).
CREATE TABLE address_claim (
    github_id bigint NOT NULL,
    email text NOT NULL CHECK (email = lower(email)),
    code_sha256 text,
    code_expires_at timestamptz,
    failures int NOT NULL DEFAULT 0,
    locked_until timestamptz,
    requested_at timestamptz NOT NULL,
    verified_at timestamptz,
    ledger_seq bigint,
    PRIMARY KEY (github_id, email),
    CHECK ((verified_at IS NULL) = (ledger_seq IS NULL))
);
CREATE INDEX address_claim_verified ON address_claim (email) WHERE verified_at IS NOT NULL;
