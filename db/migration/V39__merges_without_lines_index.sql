-- The relicensing report counts the merges that add no line of their own (credited to no one) in every report: on a
-- history of a million commits that count read the whole table, about 100 ms of each report. Merges are a few in a
-- hundred commits, so an index of those alone is small; its predicate is written as the report's condition
-- NOT (lines_added > 0 OR NOT merge) reads once PostgreSQL has normalised it, so that the planner can prove it.
CREATE INDEX contribution_merges_without_lines ON contribution (repository, authored_at)
    WHERE merge AND lines_added <= 0;
