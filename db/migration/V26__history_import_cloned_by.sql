-- Which tool made a clone import's clone: the system's git (2.37 or newer, which can pin the host's addresses), or
-- JGit where there is none. NULL for an upload and for imports made before this column.
ALTER TABLE history_import ADD COLUMN cloned_by text CHECK (cloned_by IN ('GIT', 'JGIT'));
