-- Signing: people as GitHub sees them, web sessions, individual signatures, corporate agreements and approvals.

-- The form a version asks signers to fill in is part of what they sign: it is fixed with the version.
ALTER TABLE agreement_version ADD COLUMN form_fields text NOT NULL DEFAULT '[]';

-- A project may also accept a corporate agreement, which covers a company's listed employees.
ALTER TABLE project ADD COLUMN corporate_agreement_id bigint REFERENCES agreement (id);

CREATE TABLE person (
    github_id      bigint      PRIMARY KEY,
    login          text        NOT NULL,
    name           text,
    first_seen_at  timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL
);
CREATE INDEX person_login ON person (lower(login));

-- The e-mail addresses GitHub reported at sign-in; only verified ones ever cover commits.
CREATE TABLE person_email (
    github_id   bigint      NOT NULL REFERENCES person (github_id),
    email       text        NOT NULL CHECK (email = lower(email)),
    verified    boolean     NOT NULL,
    is_primary  boolean     NOT NULL,
    seen_at     timestamptz NOT NULL,
    PRIMARY KEY (github_id, email)
);
CREATE INDEX person_email_verified ON person_email (email) WHERE verified;

-- Server-side sessions: a cookie holds a random id whose hash is stored here, so sessions survive restarts,
-- work across instances, and end for good on sign-out.
CREATE TABLE web_session (
    id_hash     text        PRIMARY KEY,
    github_id   bigint      NOT NULL REFERENCES person (github_id),
    csrf_token  text        NOT NULL,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL
);

CREATE TABLE signature (
    id                     uuid        PRIMARY KEY,
    github_id              bigint      NOT NULL REFERENCES person (github_id),
    agreement_version_id   bigint      NOT NULL REFERENCES agreement_version (id),
    text_sha256            text        NOT NULL,
    fields                 text        NOT NULL,
    signed_at              timestamptz NOT NULL,
    ip                     text,
    user_agent             text,
    ledger_seq             bigint      NOT NULL REFERENCES ledger_entry (seq),
    revoked_at             timestamptz,
    revocation_ledger_seq  bigint      REFERENCES ledger_entry (seq)
);
-- One active signature per person and version: signing again is a no-op, signing after a revocation is new.
CREATE UNIQUE INDEX signature_active ON signature (github_id, agreement_version_id) WHERE revoked_at IS NULL;
CREATE INDEX signature_person ON signature (github_id);

CREATE TABLE corporate_agreement (
    id                     uuid        PRIMARY KEY,
    agreement_version_id   bigint      NOT NULL REFERENCES agreement_version (id),
    company                text        NOT NULL,
    signatory_github_id    bigint      NOT NULL REFERENCES person (github_id),
    signatory_title        text        NOT NULL,
    contact_email          text        NOT NULL,
    fields                 text        NOT NULL,
    signed_at              timestamptz NOT NULL,
    ip                     text,
    user_agent             text,
    ledger_seq             bigint      NOT NULL REFERENCES ledger_entry (seq),
    revoked_at             timestamptz,
    revocation_ledger_seq  bigint      REFERENCES ledger_entry (seq)
);

CREATE TABLE cla_manager (
    corporate_id  uuid        NOT NULL REFERENCES corporate_agreement (id),
    github_id     bigint      NOT NULL,
    login         text        NOT NULL,
    added_at      timestamptz NOT NULL,
    PRIMARY KEY (corporate_id, github_id)
);

CREATE TABLE approval (
    id            bigserial   PRIMARY KEY,
    corporate_id  uuid        NOT NULL REFERENCES corporate_agreement (id),
    kind          text        NOT NULL CHECK (kind IN ('GITHUB_USER', 'EMAIL', 'DOMAIN', 'GITHUB_ORG')),
    value         text        NOT NULL CHECK (value = lower(value)),
    valid_from    date        NOT NULL,
    valid_until   date,
    added_by      bigint      NOT NULL,
    added_at      timestamptz NOT NULL,
    ledger_seq    bigint      NOT NULL REFERENCES ledger_entry (seq),
    removed_at    timestamptz,
    removed_by    bigint,
    CHECK (valid_until IS NULL OR valid_until >= valid_from)
);
CREATE INDEX approval_value ON approval (kind, value) WHERE removed_at IS NULL;
CREATE INDEX approval_corporate ON approval (corporate_id);
