-- What each address contributed to a repository, summed: the relicensing report reads one row per address instead
-- of every commit and co-author (a million commits are two million credits). Only addresses whose contributions
-- straddle a date where their answer may change (a license change, their signing or revocation, the report's `at`)
-- are summed again from the commits, over just those addresses.
--
-- The database keeps it, so no writer can forget: statement triggers add what an INSERT brought (a history import's
-- merge is one statement, so the sums come in one aggregate pass), and count an address again from the commits when
-- its rows are deleted or changed. Writers of one repository are serialised by contribution_lock (below).
CREATE TABLE contribution_address (
    repository      text        NOT NULL,
    email           text        NOT NULL,
    -- Commits credited to the address, as author or co-author, and their lines added.
    commits         bigint      NOT NULL CHECK (commits > 0),
    lines_added     bigint      NOT NULL CHECK (lines_added >= 0),
    -- Of those, the commits it authored and their lines: every commit has one author, so these add up to the totals.
    authored        bigint      NOT NULL CHECK (authored >= 0),
    authored_lines  bigint      NOT NULL CHECK (authored_lines >= 0),
    first_at        timestamptz NOT NULL,
    last_at         timestamptz NOT NULL,
    -- The name git gives the address in its newest contribution (a co-author's from the trailer), for people to read.
    name            text        NOT NULL,
    PRIMARY KEY (repository, email)
);

-- An address's own commits, for recounting it and for the report's few addresses summed again. Without the date,
-- the keys repeat once per commit of an address, and PostgreSQL stores each key once: a far smaller index.
CREATE INDEX contribution_by_author ON contribution (repository, author_email);
CREATE INDEX contribution_coauthor_by_email ON contribution_coauthor (repository, email);

-- Every credit of a commit to an address: its author's, and each co-author's.
CREATE VIEW contribution_credit AS
    SELECT repository, sha, author_email AS email, author_name AS name, authored_at, lines_added, 1 AS authored
    FROM contribution
    UNION ALL
    SELECT repository, sha, email, name, authored_at, lines_added, 0 FROM contribution_coauthor;

-- The lock of a repository's contributions, held to the end of the transaction. The triggers take it, so a recount
-- never misses an insert that commits beside it; writers take it before they write, so that a history import can
-- insert without ON CONFLICT (a third faster) once it has seen which commits are new.
CREATE FUNCTION contribution_lock(repositories text[]) RETURNS void LANGUAGE sql AS $$
    SELECT pg_advisory_xact_lock(hashtext('contribution'), hashtext(r))
    FROM (SELECT DISTINCT r FROM unnest(repositories) AS u(r) ORDER BY r) ordered;
$$;

-- Counts the given addresses of a repository again from the commits; an address left with none loses its row.
CREATE FUNCTION contribution_address_recount(repo text, emails text[]) RETURNS void LANGUAGE sql AS $$
    DELETE FROM contribution_address WHERE repository = repo AND email = ANY(emails);
    INSERT INTO contribution_address (repository, email, commits, lines_added, authored, authored_lines, first_at, last_at,
                                      name)
    SELECT repository, email, count(*), sum(lines_added), sum(authored),
           coalesce(sum(lines_added) FILTER (WHERE authored = 1), 0), min(authored_at), max(authored_at),
           (array_agg(name ORDER BY authored_at DESC))[1]
    FROM contribution_credit WHERE repository = repo AND email = ANY(emails)
    GROUP BY repository, email;
$$;

-- Every address of every repository counted again (after a TRUNCATE, and for the histories already imported).
CREATE FUNCTION contribution_address_recount_all() RETURNS void LANGUAGE sql AS $$
    DELETE FROM contribution_address;
    INSERT INTO contribution_address (repository, email, commits, lines_added, authored, authored_lines, first_at, last_at,
                                      name)
    SELECT repository, email, count(*), sum(lines_added), sum(authored),
           coalesce(sum(lines_added) FILTER (WHERE authored = 1), 0), min(authored_at), max(authored_at),
           (array_agg(name ORDER BY authored_at DESC))[1]
    FROM contribution_credit GROUP BY repository, email;
$$;

-- An INSERT's rows are summed per address and added, in one pass however many the statement brought.
CREATE FUNCTION contribution_address_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM contribution_lock(ARRAY(SELECT DISTINCT repository FROM added));
    EXECUTE format('INSERT INTO contribution_address AS a (repository, email, commits, lines_added, authored,'
        ' authored_lines, first_at, last_at, name) SELECT repository, %1$I, count(*), sum(lines_added), %2$s, %3$s,'
        ' min(authored_at), max(authored_at), (array_agg(%4$I ORDER BY authored_at DESC))[1]'
        ' FROM added GROUP BY repository, %1$I'
        ' ON CONFLICT (repository, email) DO UPDATE SET commits = a.commits + EXCLUDED.commits,'
        ' lines_added = a.lines_added + EXCLUDED.lines_added, authored = a.authored + EXCLUDED.authored,'
        ' authored_lines = a.authored_lines + EXCLUDED.authored_lines,'
        ' first_at = least(a.first_at, EXCLUDED.first_at), last_at = greatest(a.last_at, EXCLUDED.last_at),'
        ' name = CASE WHEN EXCLUDED.last_at >= a.last_at THEN EXCLUDED.name ELSE a.name END',
        CASE TG_TABLE_NAME WHEN 'contribution' THEN 'author_email' ELSE 'email' END,
        CASE TG_TABLE_NAME WHEN 'contribution' THEN 'count(*)' ELSE '0' END,
        CASE TG_TABLE_NAME WHEN 'contribution' THEN 'sum(lines_added)' ELSE '0' END,
        CASE TG_TABLE_NAME WHEN 'contribution' THEN 'author_name' ELSE 'name' END);
    RETURN NULL;
END
$$;

-- Deleted or changed rows: their addresses, before and after a change, are counted again.
CREATE FUNCTION contribution_address_recount_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    column_name text := CASE TG_TABLE_NAME WHEN 'contribution' THEN 'author_email' ELSE 'email' END;
    touched record;
BEGIN
    FOR touched IN EXECUTE format('SELECT repository, array_agg(DISTINCT %1$I) AS emails FROM (SELECT repository, %1$I'
        ' FROM removed %2$s) t GROUP BY repository ORDER BY repository', column_name,
        CASE TG_OP WHEN 'UPDATE' THEN format('UNION ALL SELECT repository, %I FROM changed', column_name) ELSE '' END)
    LOOP
        PERFORM contribution_lock(ARRAY[touched.repository]);
        PERFORM contribution_address_recount(touched.repository, touched.emails);
    END LOOP;
    RETURN NULL;
END
$$;

CREATE FUNCTION contribution_address_rebuild() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM contribution_address_recount_all();
    RETURN NULL;
END
$$;

CREATE TRIGGER contribution_address_insert AFTER INSERT ON contribution
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION contribution_address_add();
CREATE TRIGGER contribution_address_delete AFTER DELETE ON contribution
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION contribution_address_recount_changed();
CREATE TRIGGER contribution_address_update AFTER UPDATE ON contribution
    REFERENCING OLD TABLE AS removed NEW TABLE AS changed FOR EACH STATEMENT
    EXECUTE FUNCTION contribution_address_recount_changed();
CREATE TRIGGER contribution_address_truncate AFTER TRUNCATE ON contribution
    FOR EACH STATEMENT EXECUTE FUNCTION contribution_address_rebuild();

CREATE TRIGGER contribution_coauthor_address_insert AFTER INSERT ON contribution_coauthor
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION contribution_address_add();
CREATE TRIGGER contribution_coauthor_address_delete AFTER DELETE ON contribution_coauthor
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION contribution_address_recount_changed();
CREATE TRIGGER contribution_coauthor_address_update AFTER UPDATE ON contribution_coauthor
    REFERENCING OLD TABLE AS removed NEW TABLE AS changed FOR EACH STATEMENT
    EXECUTE FUNCTION contribution_address_recount_changed();
CREATE TRIGGER contribution_coauthor_address_truncate AFTER TRUNCATE ON contribution_coauthor
    FOR EACH STATEMENT EXECUTE FUNCTION contribution_address_rebuild();

-- The histories imported before this migration.
SELECT contribution_address_recount_all();
