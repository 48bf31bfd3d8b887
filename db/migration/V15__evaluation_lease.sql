-- One evaluation of a pull request at a time, across threads and instances, without holding a database
-- transaction while GitHub is asked: an evaluation takes this lease in a short statement, and gives it back when it
-- ends. A lease whose holder died runs out on its own.
ALTER TABLE pull_request ADD COLUMN evaluation_owner text;
ALTER TABLE pull_request ADD COLUMN evaluation_lease_until timestamptz;
