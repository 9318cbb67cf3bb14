-- Delivery truth (delivery/sql-delivery-log.ts): what Twilio reported about each request's message after it
-- accepted it, from status callbacks and from reconciliation. One row per message with its current status (moved
-- only forwards, libs/flex-sms-domain/src/delivery/delivery-status.ts), one per status reported (its history).
-- SQLite twin of ../postgres/070_message_delivery.sql.
CREATE TABLE message_delivery (
  -- The Chat or Conversation message (IM…) of the request's `message` step.
  message_sid         text PRIMARY KEY,
  request_id          text NOT NULL REFERENCES outbound_request (id) ON DELETE CASCADE,
  -- The SMS (SM…) that carried it, once a report named it.
  channel_message_sid text,
  status              text NOT NULL CHECK (status IN ('accepted', 'queued', 'sent', 'delivered', 'read', 'undelivered', 'failed')),
  error_code          integer,
  error_message       text,
  updated_at          timestamptz NOT NULL,
  -- When reconciliation last asked Twilio about it.
  checked_at          timestamptz
);
CREATE INDEX message_delivery_request ON message_delivery (request_id);
CREATE INDEX message_delivery_status ON message_delivery (status, request_id);

-- A redelivered callback reports a status already heard: one row per status keeps the history free of repeats.
CREATE TABLE message_delivery_event (
  message_sid   text NOT NULL REFERENCES message_delivery (message_sid) ON DELETE CASCADE,
  status        text NOT NULL,
  error_code    integer,
  error_message text,
  source        text NOT NULL CHECK (source IN ('callback', 'reconciliation')),
  reported_at   timestamptz NOT NULL,
  recorded_at   timestamptz NOT NULL,
  PRIMARY KEY (message_sid, status)
);

-- A callback names the message; the request is found from its `message` step without scanning every step.
CREATE INDEX outbound_step_message ON outbound_step ((sids ->> 'messageSid')) WHERE name = 'message';
-- Reconciliation reads the sends that succeeded in a time window.
CREATE INDEX outbound_request_succeeded ON outbound_request (finished_at) WHERE status = 'succeeded';

-- One reconciliation run at a time across API instances: a run takes the row's lease with one conditional UPDATE.
CREATE TABLE delivery_reconciliation (
  id          text PRIMARY KEY,
  next_run_at timestamptz NOT NULL
);
INSERT INTO delivery_reconciliation (id, next_run_at) VALUES ('reconcile', '1970-01-01T00:00:00.000Z');
