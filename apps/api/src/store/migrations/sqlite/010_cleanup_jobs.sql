-- Clean-up jobs (Proxy sessions, long-lived channels): see apps/api/src/cleanup and libs/flex-sms-domain/src/jobs.
-- Everything a job needs to be resumed after a restart is here: its selection, its items and their outcomes.
-- SQLite twin of ../postgres/010_cleanup_jobs.sql, with the job kinds of 030 already allowed: SQLite cannot change
-- a table's CHECK once created, and there was no SQLite database before 030 was written.

CREATE TABLE cleanup_job (
  id                   text PRIMARY KEY,
  kind                 text NOT NULL CHECK (kind IN ('proxy-sessions', 'long-lived-channels', 'conversations')),
  status               text NOT NULL CHECK (status IN ('selecting', 'running', 'completed', 'cancelled', 'failed')),
  selection            jsonb NOT NULL,
  options              jsonb NOT NULL,
  requested_by         text NOT NULL,
  schedule_id          text,
  created_at           timestamptz NOT NULL,
  started_at           timestamptz,
  finished_at          timestamptz,
  cancel_requested     boolean NOT NULL DEFAULT false,
  error                jsonb,
  run_started_at       timestamptz,
  settled_at_run_start integer NOT NULL DEFAULT 0,
  -- The runner holding the job (one API instance at a time), until lease_until unless renewed.
  lease_owner          text,
  lease_until          timestamptz
);
CREATE INDEX cleanup_job_created ON cleanup_job (created_at DESC);
CREATE INDEX cleanup_job_unfinished ON cleanup_job (status) WHERE status IN ('selecting', 'running');

CREATE TABLE cleanup_item (
  job_id     text NOT NULL REFERENCES cleanup_job (id) ON DELETE CASCADE,
  sid        text NOT NULL,
  -- Selection order, so a job cleans (and a resumed job continues) in the order it found the items. SQLite has no
  -- sequences: the statement adding items numbers them (SqlCleanupJobStore).
  position   integer NOT NULL,
  status     text NOT NULL CHECK (status IN ('pending', 'done', 'failed', 'skipped', 'cancelled')),
  data       jsonb NOT NULL,
  error      jsonb,
  settled_at timestamptz,
  PRIMARY KEY (job_id, sid)
);
CREATE INDEX cleanup_item_pending ON cleanup_item (job_id, position) WHERE status = 'pending';
CREATE INDEX cleanup_item_status ON cleanup_item (job_id, status, position);

-- At most one unfinished job cleans a given Twilio resource: the primary key is the claim.
CREATE TABLE cleanup_claim (
  sid    text PRIMARY KEY,
  job_id text NOT NULL REFERENCES cleanup_job (id) ON DELETE CASCADE
);
CREATE INDEX cleanup_claim_job ON cleanup_claim (job_id);

CREATE TABLE cleanup_schedule (
  id          text PRIMARY KEY,
  name        text NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('proxy-sessions', 'long-lived-channels')),
  selection   jsonb NOT NULL,
  options     jsonb NOT NULL,
  every_hours real NOT NULL CHECK (every_hours > 0),
  enabled     boolean NOT NULL,
  next_run_at timestamptz NOT NULL,
  last_run_at timestamptz,
  last_job_id text,
  created_by  text NOT NULL,
  created_at  timestamptz NOT NULL
);
CREATE INDEX cleanup_schedule_due ON cleanup_schedule (next_run_at) WHERE enabled;
