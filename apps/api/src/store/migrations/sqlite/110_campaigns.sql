-- Campaigns (apps/api/src/campaigns, libs/flex-sms-domain/src/campaigns): one body sent to a list, paced per sender.
-- campaign_recipient is also the work queue: instances claim a pending row with FOR UPDATE SKIP LOCKED while holding
-- its sender's campaign_sender row, whose next_slot_at paces the sender across every instance (docs/ARCHITECTURE.md).
-- SQLite twin of ../postgres/110_campaigns.sql: the embedded file has one process, whose transactions are the claim.

CREATE TABLE campaign (
  id                      text PRIMARY KEY,
  name                    text NOT NULL,
  status                  text NOT NULL CHECK (status IN ('preparing', 'dry_run', 'scheduled', 'running', 'paused', 'stopped', 'cancelled', 'completed')),
  body                    text NOT NULL,
  senders                 jsonb NOT NULL,
  pacing_per_second       real NOT NULL CHECK (pacing_per_second > 0),
  send_from               text NOT NULL,
  send_until              text NOT NULL,
  start_at                timestamptz,
  in_conversation         text NOT NULL CHECK (in_conversation IN ('skip', 'send')),
  filtered_stop_threshold integer NOT NULL,
  created_by              text NOT NULL,
  created_at              timestamptz NOT NULL,
  started_at              timestamptz,
  finished_at             timestamptz,
  report                  jsonb,
  stop_reason             text,
  -- Twilio pushed back (429/5xx): the pacing is halved per level, and nothing is sent before backoff_until.
  backoff_level           integer NOT NULL DEFAULT 0,
  backoff_until           timestamptz
);
CREATE INDEX campaign_created ON campaign (created_at DESC, id DESC);
CREATE INDEX campaign_live ON campaign (status) WHERE status IN ('scheduled', 'running');

CREATE TABLE campaign_recipient (
  campaign_id         text NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
  position            integer NOT NULL,
  row_number          integer NOT NULL,
  to_number           text NOT NULL,
  to_name             text NOT NULL,
  variables           jsonb NOT NULL,
  from_number         text,
  state               text NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'invalid', 'duplicate', 'opted_out', 'in_conversation', 'cancelled')),
  reason              text,
  not_before          timestamptz NOT NULL,
  -- The API instance (InstancePresence id) that claimed it last (kept once settled, for the record).
  claimed_by          text,
  claimed_at          timestamptz,
  request_id          text,
  error               jsonb,
  delivery_status     text,
  delivery_error_code integer,
  settled_at          timestamptz,
  PRIMARY KEY (campaign_id, position)
);
CREATE INDEX campaign_recipient_state ON campaign_recipient (campaign_id, state, position);
CREATE INDEX campaign_recipient_number ON campaign_recipient (campaign_id, to_number);
CREATE INDEX campaign_recipient_queue ON campaign_recipient (from_number, not_before) WHERE state = 'pending';
CREATE INDEX campaign_recipient_claimed ON campaign_recipient (claimed_by) WHERE state = 'sending';
CREATE INDEX campaign_recipient_sent_to ON campaign_recipient (to_number, settled_at) WHERE state = 'sent';
CREATE INDEX campaign_recipient_request ON campaign_recipient (request_id) WHERE request_id IS NOT NULL;

-- One row per sender number: the next time it may send, across campaigns and instances.
CREATE TABLE campaign_sender (
  from_number  text PRIMARY KEY,
  next_slot_at timestamptz NOT NULL
);
