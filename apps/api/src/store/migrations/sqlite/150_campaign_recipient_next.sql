-- The next recipient of a sender in a campaign, in row order (SqlCampaignStore.claimNext): one index step per claim.
-- campaign_recipient_queue (from_number, not_before) finds whether a sender has work, but not which recipient comes
-- first: the claim sorted every pending recipient of the sender to take one, thousands of rows per send in a large
-- campaign, the database's main cost while a campaign runs.
CREATE INDEX campaign_recipient_next ON campaign_recipient (campaign_id, from_number, position) WHERE state = 'pending';
