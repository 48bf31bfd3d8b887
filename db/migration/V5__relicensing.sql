-- Relicensing: the commits of a repository's history (imported from git log text or a clone), who is credited
-- with each, and the import jobs with their progress. Per-file rows are left out: the report needs totals per
-- commit only, and the surviving-lines job will keep its own.

-- One commit of a repository. `repository` is 'owner/repo' lower-cased (GitHub names are case-insensitive);
-- e-mail addresses are lower-cased, names kept as git printed them (after .mailmap). A merge carries no lines.
-- The loader checks shas and lower-cases addresses itself: as CHECK constraints (a regular expression, lower())
-- they made merging a million commits nearly twice as slow (20.5 s against 11.7 s, measured).
CREATE TABLE contribution (
    repository       text        NOT NULL,
    sha              text        NOT NULL,
    author_name      text        NOT NULL,
    author_email     text        NOT NULL,
    authored_at      timestamptz NOT NULL,
    committer_email  text        NOT NULL,
    merge            boolean     NOT NULL,
    lines_added      bigint      NOT NULL CHECK (lines_added >= 0),
    lines_deleted    bigint      NOT NULL CHECK (lines_deleted >= 0),
    files            int         NOT NULL CHECK (files >= 0),
    PRIMARY KEY (repository, sha)
);
-- No other index: the report sums a repository's whole history at once (the primary key finds its rows), and each
-- extra index would slow the import of a large history more than it speeds anything up.

-- The Co-authored-by: trailers of a commit, one row per address (never the commit's own author). The commit's
-- date and lines are repeated here so that the report sums co-authors' contributions without a join; there is no
-- foreign key, whose per-row check would cost more than the whole COPY of a large history (the loader writes a
-- commit's co-authors only with the commit).
CREATE TABLE contribution_coauthor (
    repository   text        NOT NULL,
    sha          text        NOT NULL,
    name         text        NOT NULL,
    email        text        NOT NULL,
    authored_at  timestamptz NOT NULL,
    lines_added  bigint      NOT NULL CHECK (lines_added >= 0),
    PRIMARY KEY (repository, sha, email)
);

-- One import of a history, from uploaded text or from a clone, with its progress. Nothing reaches `contribution`
-- until the whole history has been read: a failed import leaves the repository's earlier history as it was.
CREATE TABLE history_import (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    repository      text        NOT NULL,
    source          text        NOT NULL CHECK (source IN ('TEXT', 'CLONE')),
    clone_url       text,
    state           text        NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    -- What a running import is doing: CLONING, COUNTING, READING, MERGING.
    phase           text,
    commits_done    bigint      NOT NULL DEFAULT 0,
    commits_total   bigint,
    bytes_read      bigint      NOT NULL DEFAULT 0,
    bytes_total     bigint,
    -- Of the commits read, how many were new to the repository (the rest were imported before).
    commits_added   bigint,
    -- Commits read per second, so far.
    rate            double precision,
    created_at      timestamptz NOT NULL,
    started_at      timestamptz,
    updated_at      timestamptz NOT NULL,
    finished_at     timestamptz,
    error           text,
    error_line      bigint,
    error_text      text,
    CHECK ((state = 'FAILED') = (error IS NOT NULL))
);
CREATE INDEX history_import_repository ON history_import (repository, id DESC);
