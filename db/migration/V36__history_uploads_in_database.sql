-- An uploaded history is kept in PostgreSQL while its import waits and runs, not on the disk of the instance that
-- received it: whichever instance claims the import (another one, after the first died) reads it from here. It is
-- written as it arrives, one chunk of up to 1 MiB per short statement, so no transaction spans the upload and no
-- instance holds more than one chunk in memory; it is deleted in the statement that records the import's end, and an
-- upload that no queued or running import needs (the request broke off, the instance died before queuing the import,
-- a deletion that did not happen) is deleted by a periodic sweep once untouched for a while.
CREATE TABLE history_upload (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- Bytes and chunks stored so far; complete once the last chunk is in and the import may read it.
    bytes       bigint      NOT NULL DEFAULT 0,
    chunks      int         NOT NULL DEFAULT 0,
    complete    boolean     NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL,
    -- When the last chunk arrived: the sweep leaves an upload that is still arriving alone.
    touched_at  timestamptz NOT NULL
);
CREATE INDEX history_upload_touched ON history_upload (touched_at);

CREATE TABLE history_upload_chunk (
    upload_id  bigint NOT NULL REFERENCES history_upload (id) ON DELETE CASCADE,
    seq        int    NOT NULL CHECK (seq >= 0),
    data       bytea  NOT NULL,
    PRIMARY KEY (upload_id, seq)
);
-- Stored out of line without compression: the chunks live minutes, and compressing up to 2 GiB on the way in and out
-- would cost more time than the space it saves for that long.
ALTER TABLE history_upload_chunk ALTER COLUMN data SET STORAGE EXTERNAL;

-- The import's upload, until the import ends. An upload spooled to disk by an earlier version is not known here: an
-- import still waiting for one at this upgrade fails when claimed, saying to upload again.
ALTER TABLE history_import ADD COLUMN upload_id bigint;
CREATE INDEX history_import_upload ON history_import (upload_id) WHERE upload_id IS NOT NULL;
ALTER TABLE history_import DROP COLUMN spool_path;
