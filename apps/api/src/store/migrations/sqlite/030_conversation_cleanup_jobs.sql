-- Clean-up jobs of a third kind: closing stale conversations (Flex Conversations mode). Nothing to change on SQLite:
-- its 010 already allows the kind (see there). The file keeps the two dialects' migration lists alike.
SELECT 1;
