-- The outbound SMS journal (libs/flex-sms-domain/src/ports/journal.port.ts): every request is written here before
-- Twilio is called, each step as it finishes, and its outcome, so a crash can be finished or rolled back at start-up.
-- SQLite twin of ../postgres/001_outbound_journal.sql (same tables, columns and indexes). Declared types tell the
-- adapter how to read a column back (see README.md): timestamptz = ISO 8601 text, jsonb = JSON text, boolean = 0/1.

CREATE TABLE outbound_request (
  id              text PRIMARY KEY,
  kind            text NOT NULL CHECK (kind IN ('agent_sms', 'system_sms')),
  caller          text NOT NULL,
  from_number     text NOT NULL,
  to_number       text NOT NULL,
  to_name         text NOT NULL,
  body            text,
  idempotency_key text,
  input           jsonb NOT NULL DEFAULT '{}',
  status          text NOT NULL CHECK (status IN ('in_flight', 'succeeded', 'failed', 'rolled_back')),
  started_at      timestamptz NOT NULL,
  finished_at     timestamptz,
  result          jsonb,
  error           jsonb
);

-- History is read newest first, optionally narrowed to one number (either side of the conversation).
CREATE INDEX outbound_request_started_at ON outbound_request (started_at DESC, id DESC);
CREATE INDEX outbound_request_from_number ON outbound_request (from_number, started_at DESC);
CREATE INDEX outbound_request_to_number ON outbound_request (to_number, started_at DESC);
-- Start-up looks for what a crash left in flight: a handful of rows among many.
CREATE INDEX outbound_request_in_flight ON outbound_request (started_at) WHERE status = 'in_flight';

CREATE TABLE outbound_step (
  -- integer PRIMARY KEY is the rowid: increasing in insertion order, which orders a request's steps.
  id          integer PRIMARY KEY,
  request_id  text NOT NULL REFERENCES outbound_request (id) ON DELETE CASCADE,
  name        text NOT NULL,
  outcome     text NOT NULL,
  sids        jsonb NOT NULL DEFAULT '{}',
  data        jsonb,
  started_at  timestamptz NOT NULL,
  finished_at timestamptz NOT NULL,
  error       jsonb
);
CREATE INDEX outbound_step_request ON outbound_step (request_id, id);

CREATE TABLE outbound_pending_step (
  request_id  text NOT NULL REFERENCES outbound_request (id) ON DELETE CASCADE,
  name        text NOT NULL,
  payload     jsonb NOT NULL,
  recorded_at timestamptz NOT NULL,
  status      text NOT NULL CHECK (status IN ('pending', 'done', 'failed')),
  attempts    integer NOT NULL DEFAULT 0,
  settled_at  timestamptz,
  error       jsonb,
  PRIMARY KEY (request_id, name)
);
CREATE INDEX outbound_pending_step_pending ON outbound_pending_step (request_id) WHERE status = 'pending';

CREATE TABLE outbound_undone (
  id         integer PRIMARY KEY,
  request_id text NOT NULL REFERENCES outbound_request (id) ON DELETE CASCADE,
  action     text NOT NULL,
  sid        text NOT NULL,
  ok         boolean NOT NULL,
  error      jsonb
);
CREATE INDEX outbound_undone_request ON outbound_undone (request_id, id);
