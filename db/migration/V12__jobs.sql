-- Long work as rows every instance shares: history imports, blame jobs, re-evaluations of pull requests, sweeps.
-- An instance claims a due row with FOR UPDATE SKIP LOCKED and holds it by a lease that it renews while it works;
-- a row whose lease ran out (its instance stopped) is claimed again by whichever instance sees it first, which
-- resumes the job or fails it with a reason. What only one kind needs stays in that kind's own table
-- (history_import, blame_job, reconcile_run), which points at its job.
CREATE TABLE job (
    id           bigint           GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- import (of a history), blame, reevaluate, sweep.
    kind         text             NOT NULL,
    -- What the job is about, for kinds that queue one job per thing (a pull request): one QUEUED job per key.
    dedupe_key   text,
    payload      jsonb            NOT NULL DEFAULT '{}',
    state        text             NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    -- A QUEUED job is not claimed before this: the backoff of a retry.
    run_after    timestamptz      NOT NULL,
    -- Claims so far: the first run, each retry, and each resumption after the instance holding it stopped.
    attempts     int              NOT NULL DEFAULT 0,
    -- The instance holding the job, until when. A QUEUED job may be held too, by the instance that has its input
    -- (an upload spooled to its disk): others take it only once that lease ran out.
    lease_owner  text,
    lease_until  timestamptz,
    -- What a running job is doing (CLONING, READING, BLAMING...), how far it got, how fast (units per second).
    phase        text,
    done         bigint           NOT NULL DEFAULT 0,
    total        bigint,
    rate         double precision,
    created_at   timestamptz      NOT NULL,
    started_at   timestamptz,
    updated_at   timestamptz      NOT NULL,
    finished_at  timestamptz,
    -- Why a FAILED job failed; on a QUEUED one, why its last attempt is to be tried again.
    error        text,
    CHECK (state <> 'FAILED' OR error IS NOT NULL),
    CHECK (state <> 'RUNNING' OR (lease_owner IS NOT NULL AND lease_until IS NOT NULL))
);
CREATE UNIQUE INDEX job_queued_key ON job (kind, dedupe_key) WHERE state = 'QUEUED';
-- A claim finds the next due job of a kind, or one whose lease ran out, each through its own partial index.
CREATE INDEX job_due ON job (kind, run_after) WHERE state = 'QUEUED';
CREATE INDEX job_leased ON job (kind, lease_until) WHERE state = 'RUNNING';
CREATE INDEX job_finished ON job (finished_at) WHERE state IN ('DONE', 'FAILED');

-- History imports: their state and progress move to their job. One that was under way when the service stopped
-- for this upgrade is queued again if it clones (it clones again); an upload's spooled file was not recorded, so
-- that import fails and says to upload again.
ALTER TABLE history_import ADD COLUMN job_id bigint, ADD COLUMN spool_path text;
WITH moved AS (
    INSERT INTO job (kind, payload, state, run_after, phase, done, total, rate, created_at, started_at, updated_at,
                     finished_at, error)
    SELECT 'import', jsonb_build_object('import', h.id),
           CASE WHEN h.state IN ('DONE', 'FAILED') THEN h.state WHEN h.source = 'CLONE' THEN 'QUEUED' ELSE 'FAILED' END,
           h.created_at, CASE WHEN h.state IN ('DONE', 'FAILED') THEN h.phase END, h.commits_done, h.commits_total,
           h.rate, h.created_at, h.started_at, h.updated_at,
           CASE WHEN h.state IN ('QUEUED', 'RUNNING') AND h.source = 'TEXT' THEN now() ELSE h.finished_at END,
           CASE WHEN h.state IN ('QUEUED', 'RUNNING') AND h.source = 'TEXT'
                THEN 'interrupted: the service was upgraded during this import and the uploaded history is gone;'
                     || ' upload it again (commits already imported are skipped)'
                ELSE h.error END
    FROM history_import h
    RETURNING id, (payload ->> 'import')::bigint AS import_id
)
UPDATE history_import h SET job_id = moved.id FROM moved WHERE h.id = moved.import_id;
UPDATE job SET payload = '{}' WHERE kind = 'import';
ALTER TABLE history_import
    DROP COLUMN state, DROP COLUMN phase, DROP COLUMN commits_done, DROP COLUMN commits_total, DROP COLUMN rate,
    DROP COLUMN created_at, DROP COLUMN started_at, DROP COLUMN updated_at, DROP COLUMN finished_at,
    DROP COLUMN error,
    ALTER COLUMN job_id SET NOT NULL,
    ADD CONSTRAINT history_import_job UNIQUE (job_id),
    ADD CONSTRAINT history_import_job_fk FOREIGN KEY (job_id) REFERENCES job (id);

-- Blame jobs likewise; one under way is queued again (it clones again).
ALTER TABLE blame_job ADD COLUMN job_id bigint;
WITH moved AS (
    INSERT INTO job (kind, payload, state, run_after, phase, done, total, rate, created_at, started_at, updated_at,
                     finished_at, error)
    SELECT 'blame', jsonb_build_object('blame', b.id),
           CASE WHEN b.state IN ('DONE', 'FAILED') THEN b.state ELSE 'QUEUED' END, b.created_at,
           CASE WHEN b.state IN ('DONE', 'FAILED') THEN b.phase END, b.files_done, b.files_total, b.rate,
           b.created_at, b.started_at, b.updated_at, b.finished_at, b.error
    FROM blame_job b
    RETURNING id, (payload ->> 'blame')::bigint AS blame_id
)
UPDATE blame_job b SET job_id = moved.id FROM moved WHERE b.id = moved.blame_id;
UPDATE job SET payload = '{}' WHERE kind = 'blame';
ALTER TABLE blame_job
    DROP COLUMN state, DROP COLUMN phase, DROP COLUMN files_done, DROP COLUMN files_total, DROP COLUMN rate,
    DROP COLUMN created_at, DROP COLUMN started_at, DROP COLUMN updated_at, DROP COLUMN finished_at,
    DROP COLUMN error,
    ALTER COLUMN job_id SET NOT NULL,
    ADD CONSTRAINT blame_job_job UNIQUE (job_id),
    ADD CONSTRAINT blame_job_job_fk FOREIGN KEY (job_id) REFERENCES job (id);

-- A sweep is a job; its run record names it, so that a sweep resumed on another instance can close the run its
-- stopped instance left open.
ALTER TABLE reconcile_run ADD COLUMN job_id bigint REFERENCES job (id) ON DELETE SET NULL;

-- Re-evaluations were deliveries of event covenant_reevaluate in the webhook inbox; those still to be done become
-- reevaluate jobs (one per pull request, as the queue keeps them), and their deliveries are marked DONE, so that
-- nothing waits in the inbox for a handler that no longer exists.
INSERT INTO job (kind, dedupe_key, payload, state, run_after, created_at, updated_at)
SELECT DISTINCT ON (key) 'reevaluate', key, p, 'QUEUED', now(), received_at, now()
FROM (
    SELECT (convert_from(payload, 'UTF8')::jsonb ->> 'repository') || '#'
               || (convert_from(payload, 'UTF8')::jsonb ->> 'number') AS key,
           jsonb_build_object('repository', convert_from(payload, 'UTF8')::jsonb ->> 'repository',
                              'number', (convert_from(payload, 'UTF8')::jsonb ->> 'number')::int,
                              'cause', coalesce(convert_from(payload, 'UTF8')::jsonb ->> 'cause', action)) AS p,
           received_at
    FROM delivery
    WHERE event = 'covenant_reevaluate' AND state IN ('PENDING', 'PROCESSING')
) pending
ORDER BY key, received_at;
UPDATE delivery SET state = 'DONE', lease_until = NULL
WHERE event = 'covenant_reevaluate' AND state IN ('PENDING', 'PROCESSING');
