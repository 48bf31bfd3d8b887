-- How many claim codes each claim mailed in its current hour, so that a person cannot make Covenant mail codes
-- without end (to one address or to many): AddressClaims counts a person's codes across their claims.
ALTER TABLE address_claim ADD COLUMN codes_in_window int NOT NULL DEFAULT 0;
ALTER TABLE address_claim ADD COLUMN window_started_at timestamptz;
