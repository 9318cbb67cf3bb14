-- Delivery reports that came before the send journaled their message (delivery/sql-delivery-log.ts): Proxy's
-- `queued` callback can race the send's own journal write. Kept by message SID, one per status, and applied when the
-- send's request is recorded as succeeded (or by reconciliation); a report no send claims is forgotten after an hour.
CREATE TABLE message_delivery_held (
  message_sid         text NOT NULL,
  status              text NOT NULL CHECK (status IN ('accepted', 'queued', 'sent', 'delivered', 'read', 'undelivered', 'failed')),
  channel_message_sid text,
  error_code          integer,
  error_message       text,
  source              text NOT NULL CHECK (source IN ('callback', 'reconciliation')),
  reported_at         timestamptz NOT NULL,
  held_at             timestamptz NOT NULL,
  PRIMARY KEY (message_sid, status)
);
CREATE INDEX message_delivery_held_at ON message_delivery_held (held_at);
