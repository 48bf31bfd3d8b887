-- What blamed a job's files: `git <version>` (the system's git blame -w -M) or `jgit` (where no git runs, which
-- does not keep lines moved within a file with who wrote them), so that a reader knows which credits they see.
ALTER TABLE blame_job ADD COLUMN engine text;
