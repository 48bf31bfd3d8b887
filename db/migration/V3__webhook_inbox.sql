-- The webhook inbox: every delivery GitHub sends is stored before it is answered, so nothing is lost when the
-- service stops; the worker takes pending rows with FOR UPDATE SKIP LOCKED.

CREATE TABLE delivery (
    delivery_id      text        PRIMARY KEY,
    event            text        NOT NULL,
    action           text,
    installation_id  bigint,
    repository       text,
    payload          bytea       NOT NULL,
    received_at      timestamptz NOT NULL,
    state            text        NOT NULL CHECK (state IN ('PENDING', 'PROCESSING', 'DONE', 'FAILED', 'DEAD', 'IGNORED')),
    attempts         int         NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL,
    -- While PROCESSING, the worker's claim ends here; a crashed worker's claim simply runs out.
    lease_until      timestamptz,
    last_error       text
);
CREATE INDEX delivery_due ON delivery (next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX delivery_received ON delivery (received_at DESC);

-- Installations of the GitHub App and the repositories each one covers, as GitHub last told us.
CREATE TABLE installation (
    id          bigint      PRIMARY KEY,
    account     text        NOT NULL,
    suspended   boolean     NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL,
    removed_at  timestamptz
);

CREATE TABLE installation_repository (
    installation_id  bigint NOT NULL REFERENCES installation (id) ON DELETE CASCADE,
    repo_id          bigint NOT NULL,
    full_name        text   NOT NULL,
    PRIMARY KEY (installation_id, repo_id)
);
CREATE INDEX installation_repository_name ON installation_repository (lower(full_name));
