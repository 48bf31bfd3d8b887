-- Foundation: agreements and their immutable versions, projects, the append-only ledger, API tokens.

CREATE TABLE agreement (
    id          bigserial PRIMARY KEY,
    slug        text        NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    title       text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    kind        text        NOT NULL CHECK (kind IN ('INDIVIDUAL', 'CORPORATE')),
    created_at  timestamptz NOT NULL
);

CREATE TABLE agreement_version (
    id                         bigserial PRIMARY KEY,
    agreement_id               bigint      NOT NULL REFERENCES agreement (id),
    version                    text        NOT NULL,
    major                      int         NOT NULL CHECK (major >= 0),
    minor                      int         NOT NULL CHECK (minor >= 0),
    patch                      int         NOT NULL CHECK (patch >= 0),
    text                       text        NOT NULL CHECK (length(text) > 0),
    sha256                     text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    published_at               timestamptz NOT NULL,
    grant_type                 text        NOT NULL CHECK (grant_type IN ('LICENSE', 'EXCLUSIVE_LICENSE', 'ASSIGNMENT')),
    sublicensable              boolean     NOT NULL,
    covers_prior_contributions boolean     NOT NULL,
    patent_grant               boolean     NOT NULL,
    outbound_policy            text        NOT NULL CHECK (outbound_policy IN ('NONE', 'SAME', 'SAME_PLUS_LISTED', 'LISTED_ONLY',
                                               'SAME_OR_OSI', 'SAME_OR_FSF_COPYLEFT', 'FSF_AND_OSI', 'ANY_KEEPING_SAME', 'ANY')),
    outbound_licenses          text        NOT NULL DEFAULT '',
    UNIQUE (agreement_id, major, minor, patch),
    UNIQUE (agreement_id, version)
);

-- A published version is what people sign: it can never change or disappear, whatever path the change comes by.
CREATE FUNCTION covenant_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER agreement_version_immutable
    BEFORE UPDATE OR DELETE ON agreement_version
    FOR EACH ROW EXECUTE FUNCTION covenant_reject_change();
CREATE TRIGGER agreement_version_no_truncate
    BEFORE TRUNCATE ON agreement_version
    FOR EACH STATEMENT EXECUTE FUNCTION covenant_reject_change();

CREATE TABLE project (
    id                bigserial PRIMARY KEY,
    owner             text        NOT NULL CHECK (owner ~ '^[A-Za-z0-9][A-Za-z0-9-]{0,38}$'),
    repo              text        NOT NULL DEFAULT '' CHECK (repo = '' OR repo ~ '^[A-Za-z0-9._-]{1,100}$'),
    agreement_id      bigint      NOT NULL REFERENCES agreement (id),
    accepts           text        NOT NULL CHECK (accepts IN ('LATEST_MAJOR', 'SINCE')),
    accepts_since     text,
    allowlist         text        NOT NULL DEFAULT '*[bot]',
    created_at        timestamptz NOT NULL,
    CHECK ((accepts = 'SINCE') = (accepts_since IS NOT NULL))
);
-- GitHub names are case-insensitive; an empty repo means the whole organisation or user account.
CREATE UNIQUE INDEX project_owner_repo ON project (lower(owner), lower(repo));

CREATE TABLE project_license (
    project_id      bigint NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    effective_from  date   NOT NULL,
    spdx            text   NOT NULL CHECK (length(spdx) BETWEEN 1 AND 500),
    PRIMARY KEY (project_id, effective_from)
);

-- The ledger: every entry's hash covers the previous entry's hash and the canonical JSON of its event.
CREATE TABLE ledger_entry (
    seq          bigint      PRIMARY KEY,
    kind         text        NOT NULL,
    event        text        NOT NULL,
    prev_hash    text        NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
    hash         text        NOT NULL UNIQUE CHECK (hash ~ '^[0-9a-f]{64}$'),
    recorded_at  timestamptz NOT NULL
);

CREATE TRIGGER ledger_entry_append_only
    BEFORE UPDATE OR DELETE ON ledger_entry
    FOR EACH ROW EXECUTE FUNCTION covenant_reject_change();
CREATE TRIGGER ledger_entry_no_truncate
    BEFORE TRUNCATE ON ledger_entry
    FOR EACH STATEMENT EXECUTE FUNCTION covenant_reject_change();

CREATE TABLE api_token (
    id          bigserial PRIMARY KEY,
    name        text        NOT NULL,
    token_hash  text        NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    created_at  timestamptz NOT NULL,
    revoked_at  timestamptz
);
