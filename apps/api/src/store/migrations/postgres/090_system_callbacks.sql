-- System callbacks (apps/api/src/system-callbacks): an API key may name a URL the product POSTs its requests' state
-- changes to, signed with a secret of the key's; a request may name its own URL instead. Each callback is a row of
-- an outbox, written when the change is recorded and sent by a worker, with one row per attempt as its delivery log.

-- The signing secret is kept as it is: an HMAC is computed with the secret itself, so a hash of it would be of no
-- use. Whoever reads this table could sign callbacks a receiver trusts (not call the API: the key itself is only
-- a scrypt hash); protect the database and its backups accordingly, and rotate a secret that may have leaked.
-- NULL on keys made before this migration: they get one when it is rotated.
ALTER TABLE api_key ADD COLUMN callback_url text;
ALTER TABLE api_key ADD COLUMN callback_secret text;

-- The request's own callback URL (statusCallbackUrl), which wins over its API key's.
ALTER TABLE outbound_request ADD COLUMN status_callback_url text;

CREATE TABLE system_callback (
  -- Also the X-Flex-Sms-Event-Id header: a receiver that sees an id twice has had the same callback twice.
  id               text PRIMARY KEY,
  request_id       text NOT NULL REFERENCES outbound_request (id) ON DELETE CASCADE,
  event            text NOT NULL CHECK (event IN ('request.state', 'delivery')),
  -- What makes a change the same change when it is published again (a redelivered webhook, a second recovery).
  dedupe_key       text NOT NULL UNIQUE,
  url              text NOT NULL,
  -- Whose secret signs it, read at each attempt (a rotated secret signs the attempts after the rotation).
  api_key_id       text NOT NULL,
  -- The exact body sent on every attempt, so each attempt carries the same bytes and signature.
  body             text NOT NULL,
  status           text NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts         integer NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz,
  -- A worker's claim: another worker may take the callback only once the lease has passed (the claimer died).
  claim_token      text,
  claimed_until    timestamptz,
  created_at       timestamptz NOT NULL,
  settled_at       timestamptz,
  last_error       text
);
CREATE INDEX system_callback_request ON system_callback (request_id, created_at);
CREATE INDEX system_callback_due ON system_callback (next_attempt_at) WHERE status = 'pending';

CREATE TABLE system_callback_attempt (
  id           bigserial PRIMARY KEY,
  callback_id  text NOT NULL REFERENCES system_callback (id) ON DELETE CASCADE,
  attempt      integer NOT NULL,
  started_at   timestamptz NOT NULL,
  duration_ms  integer NOT NULL,
  -- The receiver's HTTP status; NULL when there was no answer (refused, timed out, reset).
  status_code  integer,
  outcome      text NOT NULL CHECK (outcome IN ('delivered', 'retry', 'failed')),
  error        text
);
CREATE INDEX system_callback_attempt_callback ON system_callback_attempt (callback_id, attempt);
