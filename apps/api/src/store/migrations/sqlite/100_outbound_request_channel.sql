-- The messaging channel of each outbound request (sms or whatsapp): history filters on it, metrics label it. Requests
-- journaled before WhatsApp were all SMS.
-- SQLite twin of ../postgres/100_outbound_request_channel.sql.
ALTER TABLE outbound_request ADD COLUMN channel text NOT NULL DEFAULT 'sms';
