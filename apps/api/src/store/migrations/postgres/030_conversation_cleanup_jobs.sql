-- Clean-up jobs of a third kind: closing stale conversations (Flex Conversations mode). Schedules stay on the two
-- kinds they can start.
ALTER TABLE cleanup_job DROP CONSTRAINT cleanup_job_kind_check;
ALTER TABLE cleanup_job ADD CONSTRAINT cleanup_job_kind_check CHECK (kind IN ('proxy-sessions', 'long-lived-channels', 'conversations'));
