-- Surviving lines judged by the date of the commit that wrote them. The relicensing report judges each contribution
-- on its own date (a signature that does not cover prior contributions, a revocation, a company's approval for some
-- days, a license change), so one person's lines may be cleared for some dates and not others; counted per person
-- only, all their lines would take their overall status, and a maintainer would be told to rewrite cleared code.
-- `authored_at` is the author date of the commit that wrote the lines, as the history import stores it in
-- contribution.authored_at (the date the report judges by), and is part of the key: one row per file, credit and
-- date, which is about one per file and source commit.
--
-- Rows of blames made before this migration have no date: '-infinity' marks them, a date no contribution has, so
-- they keep the person's overall status until the revision is blamed again. It is a value, not NULL, because a
-- primary key column cannot be NULL.
ALTER TABLE surviving_lines ADD COLUMN authored_at timestamptz NOT NULL DEFAULT '-infinity';
ALTER TABLE surviving_lines DROP CONSTRAINT surviving_lines_pkey,
    ADD PRIMARY KEY (repository, revision, path, author_email, co_authors, authored_at);
