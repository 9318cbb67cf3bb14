-- Which deployment this database belongs to: `mode` (sandbox or twilio) and `account_sid`, recorded on the first
-- start and checked on every later one (src/deployment/deployment-gate.ts), so a database cannot silently pass from
-- the sandbox's demo account to a real one, or from one Twilio account to another, with its users, keys and journal.
-- Plain name/value rows: more facts about the deployment can be added without a schema change. SQLite twin of
-- ../postgres/050_deployment.sql.

CREATE TABLE deployment (
  name   text PRIMARY KEY,
  value  text NOT NULL
);
