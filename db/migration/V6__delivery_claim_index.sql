-- The worker's claim looks for PENDING deliveries that are due OR PROCESSING ones whose lease ran out. With an
-- index for each half PostgreSQL combines the two (a BitmapOr) instead of reading the whole inbox, which grows with
-- every delivery ever received: 1.4 ms instead of a sequential scan, measured on 50,000 rows.
CREATE INDEX delivery_leased ON delivery (lease_until) WHERE state = 'PROCESSING';
