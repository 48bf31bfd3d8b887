-- Merges without their own lines carry no work of their own (issue 12, point 10): a merge is a commit git printed
-- with a Merge: line or with more than one parent (contribution.merge), and git's numstat gives a merge no lines, so
-- lines_added = 0. Such merges are credited to no one: the view every sum is read from leaves them out, with the
-- co-authors of such a merge. A co-author's row carries its commit's merge flag, so that each branch of the view
-- filters on its own plain columns: a correlated test against contribution in a branch made the planner rescan the
-- whole view once per commit of a report at a commit (a 35,000-commit history went from 0.4 s to over 60 s).
ALTER TABLE contribution_coauthor ADD COLUMN merge boolean NOT NULL DEFAULT false;
UPDATE contribution_coauthor a SET merge = true FROM contribution c
WHERE c.repository = a.repository AND c.sha = a.sha AND c.merge;

CREATE OR REPLACE VIEW contribution_credit AS
    SELECT repository, sha, author_email AS email, author_name AS name, authored_at, lines_added, 1 AS authored,
           coalesce(author_raw_email, author_email) AS raw_email
    FROM contribution
    WHERE lines_added > 0 OR NOT merge
    UNION ALL
    SELECT repository, sha, email, name, authored_at, lines_added, 0, coalesce(raw_email, email)
    FROM contribution_coauthor
    WHERE lines_added > 0 OR NOT merge;

-- Every address counted once more under the rule (as ContributionSums counts them).
DELETE FROM contribution_address;
INSERT INTO contribution_address (repository, email, commits, lines_added, authored, authored_lines, first_at, last_at,
                                  name)
SELECT repository, email, count(*), sum(lines_added), sum(authored),
       coalesce(sum(lines_added) FILTER (WHERE authored = 1), 0), min(authored_at), max(authored_at),
       (array_agg(name ORDER BY authored_at DESC, name DESC))[1]
FROM contribution_credit GROUP BY repository, email;
