-- The ledger entry that published an agreement version, found by the version's slug and number: every answer of
-- GET /api/agreements/{slug}/versions/{v} names it, and every relicensing verdict cites the version it stands on.
CREATE INDEX ledger_entry_version_published ON ledger_entry ((event::jsonb ->> 'agreement'), (event::jsonb ->> 'version'))
    WHERE kind = 'agreement.version.published';
