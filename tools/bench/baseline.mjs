// The original Twilio Functions' pattern, on the official SDK, as the baseline the API is compared with: find the
// number's Flex Flow by listing every Flex Flow, look for an existing session by listing every Proxy session, then
// create the channel, the session and (fire-and-forget) the message, one after another.

/** flow: 'task' (flex-initiate-outbound-sms-task) or 'message' (flex-initiate-outbound-sms). */
export async function baselineInitiate(twilio, account, { flow, fromNumber, toNumber, toName, messageBody }) {
  const integrationType = flow === 'task' ? 'task' : 'studio';
  // `list()` with no limit walks every page, as the Functions did.
  const flexFlows = await twilio.flexApi.v1.flexFlow.list();
  const flexFlow = flexFlows.find(
    (candidate) => candidate.contactIdentity === fromNumber && candidate.integrationType === integrationType && candidate.channelType === 'sms',
  );
  if (!flexFlow) throw new Error(`baseline: no ${integrationType} Flex Flow for ${fromNumber}`);
  const sessions = twilio.proxy.v1.services(account.proxyServiceSid).sessions;
  const everySession = await sessions.list();
  const channel = await twilio.flexApi.v1.channel.create({
    flexFlowSid: flexFlow.sid,
    identity: toNumber,
    target: toNumber,
    chatUserFriendlyName: toName,
    chatFriendlyName: `SMS ${toNumber}`,
  });
  const session =
    everySession.find((candidate) => candidate.uniqueName === channel.sid) ??
    (await sessions.create({
      uniqueName: channel.sid,
      mode: 'message-only',
      participants: [
        { Identifier: toNumber, ProxyIdentifier: fromNumber, FriendlyName: toName },
        { Identifier: channel.sid, ProxyIdentifier: fromNumber, FriendlyName: toName },
      ],
    }));
  if (flow === 'message') {
    await twilio.chat.v2.services(account.chatServiceSid).channels(channel.sid).messages.create({ body: messageBody });
  }
  return { channelSid: channel.sid, sessionSid: session.sid, sessionsListed: everySession.length, flexFlowsListed: flexFlows.length };
}
