-- When each customer last wrote to each of the account's senders (addresses as Twilio writes them: +1…, whatsapp:+1…),
-- from the inbound messages the webhooks publish. WhatsApp's 24-hour customer service window is counted from it, so
-- free text outside the window is refused without asking Twilio.
CREATE TABLE customer_last_inbound (
  customer_address  text NOT NULL,
  sender_address    text NOT NULL,
  last_inbound_at   timestamptz NOT NULL,
  PRIMARY KEY (customer_address, sender_address)
);
