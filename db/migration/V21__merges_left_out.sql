-- Merges without their own lines carry no work of their own (issue 12, point 10): a merge is a commit with more than
-- one parent, and git's numstat gives a merge no lines, so lines_added = 0. Such merges are no longer credited to
-- anyone: the view every sum is read from leaves them out, with the co-authors of such a merge. A commit imported
-- without parents (parents NULL) is never left out: whether it is a merge is unknown.
CREATE OR REPLACE VIEW contribution_credit AS
    SELECT repository, sha, author_email AS email, author_name AS name, authored_at, lines_added, 1 AS authored,
           coalesce(author_raw_email, author_email) AS raw_email
    FROM contribution
    WHERE lines_added > 0 OR coalesce(cardinality(parents), 0) < 2
    UNION ALL
    SELECT a.repository, a.sha, a.email, a.name, a.authored_at, a.lines_added, 0, coalesce(a.raw_email, a.email)
    FROM contribution_coauthor a
    WHERE a.lines_added > 0 OR NOT EXISTS (SELECT 1 FROM contribution co WHERE co.repository = a.repository
        AND co.sha = a.sha AND cardinality(co.parents) > 1);

-- Every address counted once more under the rule (as ContributionSums counts them).
DELETE FROM contribution_address;
INSERT INTO contribution_address (repository, email, commits, lines_added, authored, authored_lines, first_at, last_at,
                                  name)
SELECT repository, email, count(*), sum(lines_added), sum(authored),
       coalesce(sum(lines_added) FILTER (WHERE authored = 1), 0), min(authored_at), max(authored_at),
       (array_agg(name ORDER BY authored_at DESC, name DESC))[1]
FROM contribution_credit GROUP BY repository, email;
