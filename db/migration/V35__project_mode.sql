-- How a project's contributors are cleared: by the agreement (CLA, what every project did before), by a Developer
-- Certificate of Origin sign-off on each commit (DCO), or by either, person by person (CLA_OR_DCO).
ALTER TABLE project ADD COLUMN mode text NOT NULL DEFAULT 'CLA' CHECK (mode IN ('CLA', 'DCO', 'CLA_OR_DCO'));
