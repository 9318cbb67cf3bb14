-- Journal.isChannelKnown: "did another request record this channel?" tells a channel Flex handed back from one it
-- just made, on the request path, so it must not scan every step ever recorded.
CREATE INDEX outbound_step_channel ON outbound_step ((sids ->> 'channelSid')) WHERE name = 'channel';
