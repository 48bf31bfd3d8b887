-- Merged pull requests that Covenant evaluated become contributions at once, before the next history import.
-- `pull_request` names the pull request a row came from (NULL for rows read from a history), `merged_at` when it
-- was merged. A history import supersedes them: it replaces rows whose sha it brings, and drops those merged up to
-- its newest commit date, whose squashed or rebased commits it holds under other shas.
ALTER TABLE contribution ADD COLUMN pull_request int, ADD COLUMN merged_at timestamptz,
    ADD CHECK ((pull_request IS NULL) = (merged_at IS NULL));
ALTER TABLE contribution_coauthor ADD COLUMN pull_request int;
-- Only the few rows from pull requests are indexed: an import asks whether there are any, at no cost per commit.
CREATE INDEX contribution_from_pull_request ON contribution (repository) WHERE pull_request IS NOT NULL;
