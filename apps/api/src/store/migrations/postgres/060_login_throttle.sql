-- Sign-in throttling by progressive delays (sessions/login-throttle.ts), per username and per client address:
-- the attempts counted since the last success (or the last hour of quiet), and when the next one may be made. The
-- fixed-window counters of failed sign-ins in rate_limit_window are no longer written; old rows age out there.
CREATE TABLE login_throttle (
  bucket           text PRIMARY KEY,
  attempts         integer NOT NULL,
  not_before       timestamptz NOT NULL,
  last_attempt_at  timestamptz NOT NULL
);
