-- Campaigns that send a Content template (libs/flex-sms-domain/src/campaigns): the channel (sms, whatsapp) and the
-- template. A template campaign has no body: it keeps '' there (the column predates templates and stays NOT NULL).
ALTER TABLE campaign ADD COLUMN channel text NOT NULL DEFAULT 'sms' CHECK (channel IN ('sms', 'whatsapp'));
ALTER TABLE campaign ADD COLUMN content_sid text;
