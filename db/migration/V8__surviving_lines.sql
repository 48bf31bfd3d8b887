-- Surviving lines: who still owns the lines of a repository at a revision (git blame, ignoring whitespace and
-- following renames), per file, for the per-file relicensing verdicts; and the blame jobs with their progress.

-- One blame of a repository at a revision, cloned from `clone_url`. `revision` is what was asked (HEAD, a branch,
-- a tag or a sha); `commit_sha` what it named in the clone, once known. Nothing reaches `surviving_lines` until
-- every file has been blamed: a failed job leaves the earlier result of that revision as it was.
CREATE TABLE blame_job (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    repository      text        NOT NULL,
    clone_url       text        NOT NULL,
    revision        text        NOT NULL,
    commit_sha      text,
    state           text        NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    -- What a running job is doing: CLONING, LISTING, BLAMING, SAVING.
    phase           text,
    files_done      bigint      NOT NULL DEFAULT 0,
    files_total     bigint,
    -- Of the files done, those not blamed: binary, or larger than covenant.relicensing.blame-max-file-size.
    files_skipped   bigint      NOT NULL DEFAULT 0,
    -- Surviving lines counted so far (lines that are empty or whitespace only are not counted).
    lines           bigint      NOT NULL DEFAULT 0,
    -- Files blamed per second, so far.
    rate            double precision,
    created_at      timestamptz NOT NULL,
    started_at      timestamptz,
    updated_at      timestamptz NOT NULL,
    finished_at     timestamptz,
    error           text,
    -- The request field the error is about (cloneUrl, revision), when it is about one.
    error_field     text,
    CHECK ((state = 'FAILED') = (error IS NOT NULL))
);
CREATE INDEX blame_job_repository ON blame_job (repository, id DESC);

-- The lines of one file at one commit that blame credits to one author (address after the .mailmap at that
-- commit, lower-cased) together with the same co-authors (the Co-authored-by: trailers of the commit that wrote
-- them, lower-cased, sorted, without the author): a line is cleared only when all of them are. Lines that are
-- empty or whitespace only are not counted: they carry nothing anyone could own, and with whitespace ignored
-- which commit "wrote" a blank line is an accident of the diff. `revision` is the commit's full sha.
CREATE TABLE surviving_lines (
    repository    text    NOT NULL,
    revision      text    NOT NULL,
    path          text    NOT NULL,
    author_email  text    NOT NULL,
    co_authors    text[]  NOT NULL DEFAULT '{}',
    lines         bigint  NOT NULL CHECK (lines > 0),
    PRIMARY KEY (repository, revision, path, author_email, co_authors)
);

-- The files of a blamed revision that were not blamed, and why, so that a verdict can say what it did not judge.
CREATE TABLE surviving_skipped (
    repository  text    NOT NULL,
    revision    text    NOT NULL,
    path        text    NOT NULL,
    reason      text    NOT NULL CHECK (reason IN ('BINARY', 'TOO_LARGE')),
    bytes       bigint  NOT NULL,
    PRIMARY KEY (repository, revision, path)
);
