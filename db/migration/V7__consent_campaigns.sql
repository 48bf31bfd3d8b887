-- Consent campaigns: a planned license change of one repository (from -> to), and every answer its contributors
-- gave, each recorded in the ledger. A closed campaign keeps the evidence bundle it exported and its hash.

-- A sequence rather than an identity column: the id is known before the row is written, so the ledger event that
-- opens the campaign can name it and the row can point at that event.
CREATE SEQUENCE consent_campaign_id_seq;
CREATE TABLE consent_campaign (
    id                bigint      PRIMARY KEY DEFAULT nextval('consent_campaign_id_seq'),
    -- 'owner/repo' lower-cased, as in `contribution`.
    repository        text        NOT NULL CHECK (repository = lower(repository)),
    -- SPDX expressions in their normalised form.
    from_license      text        NOT NULL CHECK (length(from_license) BETWEEN 1 AND 500),
    to_license        text        NOT NULL CHECK (length(to_license) BETWEEN 1 AND 500),
    state             text        NOT NULL CHECK (state IN ('OPEN', 'CLOSED')),
    -- '@login' of the maintainer, or 'an admin token'.
    opened_by         text        NOT NULL,
    opened_at         timestamptz NOT NULL,
    open_ledger_seq   bigint      NOT NULL REFERENCES ledger_entry (seq),
    closed_by         text,
    closed_at         timestamptz,
    -- The bundle exactly as served (canonical JSON), its SHA-256, and the ledger entry that records that hash.
    evidence          text,
    evidence_sha256   text        CHECK (evidence_sha256 ~ '^[0-9a-f]{64}$'),
    close_ledger_seq  bigint      REFERENCES ledger_entry (seq),
    CHECK ((state = 'CLOSED') = (closed_at IS NOT NULL AND closed_by IS NOT NULL AND evidence IS NOT NULL
        AND evidence_sha256 IS NOT NULL AND close_ledger_seq IS NOT NULL))
);
ALTER SEQUENCE consent_campaign_id_seq OWNED BY consent_campaign.id;
-- One open campaign per repository and target (also for equivalent spellings, which the service checks under a
-- lock; this index catches two requests with the same normalised text even without it).
CREATE UNIQUE INDEX consent_campaign_one_open ON consent_campaign (repository, to_license) WHERE state = 'OPEN';
CREATE INDEX consent_campaign_repository ON consent_campaign (repository, id DESC);

-- Every answer, never changed: a new answer is a new row, and the latest per contributor counts.
CREATE TABLE consent (
    id                      bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    campaign_id             bigint      NOT NULL REFERENCES consent_campaign (id),
    -- The contributor: a GitHub account (by id), or, for an address no account is known for, the raw address.
    github_id               bigint,
    email                   text        CHECK (email = lower(email)),
    answer                  text        NOT NULL CHECK (answer IN ('YES', 'NO', 'CONDITIONAL', 'UNREACHABLE')),
    note                    text        CHECK (length(note) <= 2000),
    evidence_url            text        CHECK (length(evidence_url) <= 2000),
    -- SELF: the person answered on their consent page; MAINTAINER: a maintainer (or an admin token) recorded an
    -- answer obtained elsewhere.
    recorded_as             text        NOT NULL CHECK (recorded_as IN ('SELF', 'MAINTAINER')),
    recorded_by             text        NOT NULL,
    recorded_by_github_id   bigint,
    recorded_at             timestamptz NOT NULL,
    ledger_seq              bigint      NOT NULL REFERENCES ledger_entry (seq),
    CHECK ((github_id IS NULL) <> (email IS NULL))
);
CREATE INDEX consent_campaign_answers ON consent (campaign_id, id DESC);

CREATE TRIGGER consent_append_only
    BEFORE UPDATE OR DELETE ON consent
    FOR EACH ROW EXECUTE FUNCTION covenant_reject_change();
