-- Exact history (issue 12): each commit's parents, so that a report at a commit counts the commits it reaches; the
-- address each commit and co-author was written with before the .mailmap rewrote it, so that a company's approval
-- matches the address the work was done under; and what an import read, so that a verdict can name it.

-- The commit's parents' full shas, in git's order; '{}' for a root. NULL: imported without parents (an older text
-- upload, or a pull request's commit), which a report at a commit refuses until the history is imported again.
ALTER TABLE contribution ADD COLUMN parents text[];
-- The author's address as written in the commit (%ae), lower-cased; author_email is the one the .mailmap maps it to
-- (%aE). NULL: imported before this column, read as author_email.
ALTER TABLE contribution ADD COLUMN author_raw_email text;
-- The co-author's address as the trailer wrote it; email is the one the .mailmap maps it to. NULL as above.
ALTER TABLE contribution_coauthor ADD COLUMN raw_email text;

-- Every address a mapped address was written as, for the relicensing report: a company approving a domain or an
-- address approves the commits written under it, whatever the .mailmap maps it to. A few rows per person; kept by
-- the import, which adds the pairs it read.
CREATE TABLE contribution_raw_address (
    repository  text NOT NULL,
    email       text NOT NULL,
    raw_email   text NOT NULL,
    PRIMARY KEY (repository, email, raw_email)
);

-- Every credit of a commit to an address, now with the address it was written under.
CREATE OR REPLACE VIEW contribution_credit AS
    SELECT repository, sha, author_email AS email, author_name AS name, authored_at, lines_added, 1 AS authored,
           coalesce(author_raw_email, author_email) AS raw_email
    FROM contribution
    UNION ALL
    SELECT repository, sha, email, name, authored_at, lines_added, 0, coalesce(raw_email, email)
    FROM contribution_coauthor;

-- What an import read: the commit it started from (the first one listed for an upload, HEAD for a clone), the
-- .mailmap at that commit (a clone's; NULL for an upload, whose addresses git mapped before it was sent), and the
-- SHA-256 of the history read (an upload's bytes; for a clone, of its canonical listing, see docs/relicensing.md).
ALTER TABLE history_import ADD COLUMN head_sha text, ADD COLUMN mailmap text, ADD COLUMN history_sha256 text,
    ADD COLUMN numstat_by text CHECK (numstat_by IN ('GIT', 'JGIT'));
