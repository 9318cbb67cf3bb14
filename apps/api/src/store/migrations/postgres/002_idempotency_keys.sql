-- Idempotency-Key (Stripe's semantics): the first response to a caller's key is kept for 24 hours and replayed to
-- a repeat of the same request; see apps/api/src/idempotency.

CREATE TABLE idempotency_key (
  caller          text NOT NULL,
  key             text NOT NULL,
  -- SHA-256 of the method, route and canonical body: a repeat with another body is refused, not replayed.
  fingerprint     text NOT NULL,
  state           text NOT NULL CHECK (state IN ('in_progress', 'completed')),
  response_status integer,
  response_body   jsonb,
  created_at      timestamptz NOT NULL,
  completed_at    timestamptz,
  PRIMARY KEY (caller, key)
);
CREATE INDEX idempotency_key_created_at ON idempotency_key (created_at);
