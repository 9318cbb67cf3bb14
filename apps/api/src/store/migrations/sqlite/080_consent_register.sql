-- The consent register (consent/): who opted out of messages from which sender scope (a number, whatsapp:+E164, or
-- a Messaging Service SID), one row per (recipient, scope) while the opt-out stands; and its audit trail, every
-- change with how it came (inbound-keyword, twilio-21610, manual, import), who made it and why. The trail outlives
-- the opt-out: opting back in deletes the row, never the trail.
-- SQLite twin of ../postgres/080_consent_register.sql.
CREATE TABLE consent_opt_out (
  recipient  text NOT NULL,
  scope      text NOT NULL,
  since      timestamptz NOT NULL,
  source     text NOT NULL,
  actor      text NOT NULL,
  reason     text,
  PRIMARY KEY (recipient, scope)
);
CREATE INDEX consent_opt_out_since ON consent_opt_out (since DESC);

CREATE TABLE consent_audit (
  id         integer PRIMARY KEY,
  recipient  text NOT NULL,
  scope      text NOT NULL,
  action     text NOT NULL CHECK (action IN ('opt-out', 'opt-in')),
  source     text NOT NULL,
  actor      text NOT NULL,
  reason     text,
  at         timestamptz NOT NULL
);
CREATE INDEX consent_audit_recipient ON consent_audit (recipient, id);
