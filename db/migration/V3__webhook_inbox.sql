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
    last_error       text
);
CREATE INDEX delivery_due ON delivery (next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX delivery_received ON delivery (received_at DESC);
