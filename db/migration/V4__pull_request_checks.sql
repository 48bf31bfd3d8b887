-- Pull-request checks: what Covenant knows of each pull request it checks, who contributed to it (so that a new
-- signature re-evaluates exactly the pull requests it can change), and the check runs and comments it published.

-- Whether a project asks committers to be covered too (authors and co-authors always are).
ALTER TABLE project ADD COLUMN check_committers boolean NOT NULL DEFAULT false;

CREATE TABLE pull_request (
    repository       text        NOT NULL,
    number           int         NOT NULL CHECK (number > 0),
    installation_id  bigint      NOT NULL,
    state            text        NOT NULL CHECK (state IN ('OPEN', 'CLOSED')),
    head_sha         text        NOT NULL,
    base_sha         text        NOT NULL,
    commit_count     int         NOT NULL DEFAULT 0,
    author_login     text,
    -- GitHub's updated_at of the payload that set head_sha: an older payload arriving late never moves the head back.
    head_updated_at  timestamptz NOT NULL,
    -- The last evaluation: the head it judged, when it started, and what it concluded.
    evaluated_sha    text,
    evaluated_at     timestamptz,
    conclusion       text        CHECK (conclusion IN ('SUCCESS', 'FAILURE', 'NEUTRAL')),
    -- The sticky comment, once one was posted.
    comment_id       bigint,
    PRIMARY KEY (repository, number)
);
CREATE INDEX pull_request_open ON pull_request (repository) WHERE state = 'OPEN';

-- Everyone the last evaluation found, by account or (for unlinked authors) by address.
CREATE TABLE pull_request_contributor (
    repository  text   NOT NULL,
    number      int    NOT NULL,
    github_id   bigint,
    email       text,
    FOREIGN KEY (repository, number) REFERENCES pull_request (repository, number) ON DELETE CASCADE,
    CHECK (github_id IS NOT NULL OR email IS NOT NULL)
);
CREATE INDEX pull_request_contributor_pr ON pull_request_contributor (repository, number);
CREATE INDEX pull_request_contributor_id ON pull_request_contributor (github_id) WHERE github_id IS NOT NULL;
CREATE INDEX pull_request_contributor_email ON pull_request_contributor (email) WHERE email IS NOT NULL;

-- The check run Covenant created on a commit, recorded as soon as GitHub answered so that a retry updates it
-- instead of creating a second one.
CREATE TABLE check_run (
    repository    text        NOT NULL,
    head_sha      text        NOT NULL,
    check_run_id  bigint      NOT NULL,
    created_at    timestamptz NOT NULL,
    PRIMARY KEY (repository, head_sha)
);

-- The periodic sweep over installed repositories: one row per run, for progress and for operators.
CREATE TABLE reconcile_run (
    id                bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    started_at        timestamptz NOT NULL,
    finished_at       timestamptz,
    repositories      int         NOT NULL DEFAULT 0,
    repositories_done int         NOT NULL DEFAULT 0,
    pull_requests     int         NOT NULL DEFAULT 0,
    queued            int         NOT NULL DEFAULT 0,
    api_calls         int         NOT NULL DEFAULT 0,
    stopped_reason    text
);
