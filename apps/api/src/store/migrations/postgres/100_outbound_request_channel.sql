-- The messaging channel of each outbound request (sms or whatsapp): history filters on it, metrics label it. Requests
-- journaled before WhatsApp were all SMS.
ALTER TABLE outbound_request ADD COLUMN channel text NOT NULL DEFAULT 'sms';
