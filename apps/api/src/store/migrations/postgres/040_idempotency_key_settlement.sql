-- An Idempotency-Key left "in progress" by a stopped process is settled from the journal entry of the request that
-- claimed it (IdempotencyStore): found by caller and key.
CREATE INDEX outbound_request_idempotency_key ON outbound_request (caller, idempotency_key, started_at DESC) WHERE idempotency_key IS NOT NULL;

-- The API instance that claimed a key (InstancePresence): a key whose instance is gone is abandoned at once.
ALTER TABLE idempotency_key ADD COLUMN owner text;
