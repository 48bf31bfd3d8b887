-- The worker claims a delivery whose lease ran out, else the next due PENDING one: each through its own partial
-- index (delivery_due for the second), so a claim never reads the whole inbox, which grows with every delivery ever
-- received. Measured with 33,000 deliveries pending: 0.05 ms and 0.2 ms, against a scan of them all before.
CREATE INDEX delivery_leased ON delivery (lease_until) WHERE state = 'PROCESSING';
