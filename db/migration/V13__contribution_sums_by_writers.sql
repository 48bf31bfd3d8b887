-- The sums of contribution_address are written by the code that writes contributions, in the same transaction
-- (ContributionSums), no longer by triggers: DESIGN.md §2, no hidden work in the database. What stays from V10: the
-- table, the two indexes that recount an address, the contribution_credit view, and contribution_lock, which
-- writers take before they write.
DROP TRIGGER contribution_address_insert ON contribution;
DROP TRIGGER contribution_address_delete ON contribution;
DROP TRIGGER contribution_address_update ON contribution;
DROP TRIGGER contribution_address_truncate ON contribution;
DROP TRIGGER contribution_coauthor_address_insert ON contribution_coauthor;
DROP TRIGGER contribution_coauthor_address_delete ON contribution_coauthor;
DROP TRIGGER contribution_coauthor_address_update ON contribution_coauthor;
DROP TRIGGER contribution_coauthor_address_truncate ON contribution_coauthor;

DROP FUNCTION contribution_address_add();
DROP FUNCTION contribution_address_recount_changed();
DROP FUNCTION contribution_address_rebuild();
DROP FUNCTION contribution_address_recount_all();
DROP FUNCTION contribution_address_recount(text, text[]);

-- Every address counted once more, with the rule the code now follows for the name: of the contributions at the
-- address's newest date, the greatest name (the triggers kept whichever statement came last, so a rebuild could
-- disagree with them where two contributions share that date).
DELETE FROM contribution_address;
INSERT INTO contribution_address (repository, email, commits, lines_added, authored, authored_lines, first_at, last_at,
                                  name)
SELECT repository, email, count(*), sum(lines_added), sum(authored),
       coalesce(sum(lines_added) FILTER (WHERE authored = 1), 0), min(authored_at), max(authored_at),
       (array_agg(name ORDER BY authored_at DESC, name DESC))[1]
FROM contribution_credit GROUP BY repository, email;
