-- Signing by comment, opt-in per project: a contributor of a pull request who comments the project's phrase signs
-- the agreement version Covenant's comment on it showed. Off for every existing project.
ALTER TABLE project ADD COLUMN sign_by_comment boolean NOT NULL DEFAULT false;
-- Null: the default phrase (ProjectService.DEFAULT_PHRASE).
ALTER TABLE project ADD COLUMN sign_by_comment_phrase text;

-- The comment a signature was made by, as canonical JSON {"id", "url", "repository", "pullRequest"}; null for a
-- signature made on Covenant's page or imported. Rows written before this column hash as they did (a null column is
-- left out of a row's hash).
ALTER TABLE signature ADD COLUMN signed_by_comment text;
