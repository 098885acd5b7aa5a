-- Claims under a lease, so several processes can share the work: a reminder being sent and a
-- broadcast delivery in flight record who claimed them (claimed_by) and until when the claim
-- holds (lease_until, Unix seconds). NULL lease: not claimed, or claimed before leases (expired).
-- A claim whose lease has passed may be taken over; start-up no longer frees every claim.

ALTER TABLE documents ADD COLUMN claimed_by TEXT;
ALTER TABLE documents ADD COLUMN lease_until {bigint};
UPDATE documents SET claimed_by = 'before-leases', lease_until = claimed_at
    WHERE claimed_at IS NOT NULL;
ALTER TABLE documents DROP COLUMN claimed_at;

ALTER TABLE broadcast_deliveries ADD COLUMN claimed_by TEXT;
ALTER TABLE broadcast_deliveries ADD COLUMN lease_until {bigint};

-- "The deliveries of broadcast X in flight whose lease has passed": a small index, as few rows are
-- ever in flight.
CREATE INDEX broadcast_deliveries_in_flight ON broadcast_deliveries(broadcast_id, lease_until)
    WHERE status = 'sending';
