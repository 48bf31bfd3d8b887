-- Settings of a GitHub organisation (or user account) as a whole, for repositories no project governs.
-- unlinked_conclusion: the check run such a repository gets: neutral (passes a required check) or action_required
-- (fails closed until the repository is linked).
CREATE TABLE owner_setting (
    owner                text        PRIMARY KEY CHECK (owner = lower(owner)),
    unlinked_conclusion  text        NOT NULL DEFAULT 'neutral'
                                     CHECK (unlinked_conclusion IN ('neutral', 'action_required')),
    updated_at           timestamptz NOT NULL
);
