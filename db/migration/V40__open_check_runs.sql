-- A check run is created in progress and completed by the same evaluation. When the instance running it dies in
-- between, and the pull request has moved to a newer head by the time another instance evaluates it, no evaluation
-- ever returns to the old head, and its run would stay in progress on GitHub for good. The pull request's number and
-- the moment the run was completed let the next evaluation of that pull request find such runs and close them.
-- Rows written before this migration have neither: they are taken as completed.
ALTER TABLE check_run ADD COLUMN number int;
ALTER TABLE check_run ADD COLUMN completed_at timestamptz;
CREATE INDEX check_run_open ON check_run (repository, number) WHERE completed_at IS NULL AND number IS NOT NULL;
