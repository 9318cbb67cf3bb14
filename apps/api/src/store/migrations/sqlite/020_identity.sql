-- Who may call the API: console users and their sessions, API keys for systems, and the counters of the rate limits
-- (sends per caller, failed sign-ins per username and per address). Secrets are stored only as hashes: passwords
-- and API keys with scrypt, session tokens (random, 256 bits) with sha256. SQLite twin of ../postgres/020_identity.sql.

CREATE TABLE console_user (
  id             text PRIMARY KEY,
  username       text NOT NULL,
  password_hash  text NOT NULL,
  role           text NOT NULL CHECK (role IN ('operator', 'admin')),
  created_at     timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL
);
-- Usernames are unique whatever their case: "Admin" and "admin" are one person.
CREATE UNIQUE INDEX console_user_username ON console_user (lower(username));

CREATE TABLE console_session (
  token_hash     text PRIMARY KEY,
  user_id        text NOT NULL REFERENCES console_user (id) ON DELETE CASCADE,
  created_at     timestamptz NOT NULL,
  expires_at     timestamptz NOT NULL
);
CREATE INDEX console_session_user ON console_session (user_id);

CREATE TABLE api_key (
  id                    text PRIMARY KEY,
  name                  text NOT NULL,
  -- The key's visible start (`fsk_` + 8 characters): how a key is found at verification and recognised in lists.
  prefix                text NOT NULL UNIQUE,
  key_hash              text NOT NULL,
  role                  text NOT NULL CHECK (role IN ('operator', 'admin')),
  -- A JSON array of E.164 numbers (PostgreSQL: text[]); NULL = any sender number.
  allowed_from_numbers  jsonb,
  created_by            text NOT NULL,
  created_at            timestamptz NOT NULL,
  last_used_at          timestamptz,
  revoked_at            timestamptz
);

-- Fixed-window counters: `hits` requests in the window that started at `window_started_at`.
CREATE TABLE rate_limit_window (
  bucket             text PRIMARY KEY,
  window_started_at  timestamptz NOT NULL,
  hits               integer NOT NULL
);
