-- SQLite twin of ../postgres/140_campaign_content.sql: the channel and the Content template of a campaign; a template
-- campaign keeps '' as its body.
ALTER TABLE campaign ADD COLUMN channel text NOT NULL DEFAULT 'sms' CHECK (channel IN ('sms', 'whatsapp'));
ALTER TABLE campaign ADD COLUMN content_sid text;
