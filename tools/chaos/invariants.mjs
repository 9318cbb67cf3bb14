// What must hold after the chaos run, checked against what Twilio (the sandbox, read through the official SDK) and
// the API's journal actually hold, not against what the API answered.
import { toDeliveryStatus } from '@flex-sms/domain';

/** The API names each conversation's chat channel `SMS <customer>`; the chaos customers are +14157…. */
const CHAOS_CHANNEL = /^SMS \+14157\d{6}$/;
const LIVE_SESSION = new Set(['open', 'in-progress']);
const LIVE_TASK = new Set(['pending', 'reserved', 'assigned']);
/** The message attribute the API stamps on each message it posts (REQUEST_ID_ATTRIBUTE in the domain). */
const REQUEST_ID_ATTRIBUTE = 'outboundSmsRequestId';

/** Everything relevant in the sandbox, through the official SDK (paging included). */
export async function readTwilioState(twilio, account) {
  const chat = twilio.chat.v2.services(account.chatServiceSid);
  const [chatChannels, flexChannels, sessions, tasks] = await Promise.all([
    chat.channels.list({ pageSize: 1000 }),
    twilio.flexApi.v1.channel.list({ pageSize: 1000 }),
    twilio.proxy.v1.services(account.proxyServiceSid).sessions.list({ pageSize: 1000 }),
    twilio.taskrouter.v1.workspaces(account.workspaceSid).tasks.list({ pageSize: 1000 }),
  ]);
  const flexFlowOf = new Map(flexChannels.map((channel) => [channel.sid, channel.flexFlowSid]));
  const channels = chatChannels
    .filter((channel) => CHAOS_CHANNEL.test(channel.friendlyName ?? ''))
    .map((channel) => ({
      sid: channel.sid,
      customer: channel.friendlyName.slice(4),
      flexFlowSid: flexFlowOf.get(channel.sid),
      status: parse(channel.attributes).status,
    }));
  const messages = [];
  for (const channel of channels) {
    for (const message of await chat.channels(channel.sid).messages.list({ pageSize: 1000 })) {
      messages.push({
        sid: message.sid,
        channelSid: channel.sid,
        customer: channel.customer,
        requestId: parse(message.attributes)[REQUEST_ID_ATTRIBUTE],
        dateCreated: message.dateCreated,
      });
    }
  }
  return {
    channels,
    sessions: sessions.map((session) => ({ sid: session.sid, uniqueName: session.uniqueName, status: session.status })),
    tasks: tasks.map((task) => ({ sid: task.sid, status: task.assignmentStatus, channelSid: parse(task.attributes).channelSid })),
    messages,
  };
}

/**
 * What Twilio says became of each succeeded request's message, by request id: the status of the SMS that carried it
 * in the journal's words (`toDeliveryStatus`), or `accepted` when nothing carried it (yet). Chat + Proxy: the Proxy
 * interaction that relayed the chat message, then its Message; Conversations: the message's delivery receipt.
 */
export async function readDeliveryTruth(twilio, account, journal) {
  const truth = new Map();
  const interactionsOf = new Map();
  for (const entry of journal) {
    const messageSid = entry.result?.message?.sid;
    if (entry.status !== 'succeeded' || !messageSid) continue;
    const conversationSid = entry.result.conversation?.sid;
    if (entry.result.mode === 'conversations' && conversationSid) {
      const [receipt] = await twilio.conversations.v1.conversations(conversationSid).messages(messageSid).deliveryReceipts.list({ limit: 1 });
      truth.set(entry.id, toDeliveryStatus(receipt?.status) ?? 'accepted');
      continue;
    }
    const sessionSid = entry.result.proxySession?.sid;
    if (!sessionSid) continue;
    if (!interactionsOf.has(sessionSid))
      interactionsOf.set(
        sessionSid,
        await twilio.proxy.v1.services(account.proxyServiceSid).sessions(sessionSid).interactions.list({ pageSize: 1000 }),
      );
    const relayed = interactionsOf.get(sessionSid).find((interaction) => interaction.inboundResourceSid === messageSid);
    const sms = relayed?.outboundResourceSid ? await twilio.messages(relayed.outboundResourceSid).fetch() : null;
    truth.set(entry.id, toDeliveryStatus(sms?.status) ?? 'accepted');
  }
  return truth;
}

/** Every journal entry, with its steps (GET /api/v1/outbound pages, then GET /api/v1/outbound/:id). */
export async function readJournal(client) {
  const summaries = [];
  for (let page = 1; page <= 1000; page++) {
    const response = await client.get(`/api/v1/outbound?page=${page}&pageSize=100`);
    if (response.status !== 200) throw new Error(`journal page ${page}: ${response.status}`);
    summaries.push(...response.body.items);
    if (summaries.length >= response.body.total || response.body.items.length === 0) break;
  }
  const entries = [];
  for (const summary of summaries) {
    const response = await client.get(`/api/v1/outbound/${summary.id}`);
    if (response.status !== 200) throw new Error(`journal entry ${summary.id}: ${response.status}`);
    entries.push(response.body);
  }
  return entries;
}

/**
 * The invariants, each a list of violations (empty = holds):
 * - duplicates: per Flex Flow and customer at most one ACTIVE channel (Flex hands the active one back); per channel
 *   at most one live task and one live session; per request (journal id) at most one message; per Idempotency-Key
 *   one execution (every 201 for a key carries the same journal id).
 * - orphans: a live session must be named after an existing chaos channel; a chaos channel must have a live session
 *   named after it; a live task must point at an existing channel that has a live session. A rolled-back request
 *   removes what it created, so it leaves nothing to match — except where the journal itself records an undo that
 *   failed: those are reported as recorded leftovers, not silent orphans.
 * - terminal: no journal entry in_flight and no pending follow-up once recovery has settled.
 * - answers: a 201 the client received is a request the journal holds as succeeded, and the message it reports
 *   exists in Twilio (an answered SMS was not silently lost to a rollback or a crash).
 * - delivery: once reconciliation has run, every sent message's delivery status in the journal is what Twilio says
 *   (`deliveryTruth`), whatever callbacks were dropped, duplicated or reordered.
 * - consent: every STOP a customer texted reached the API; after it did, Twilio holds no message from that number to
 *   that customer, and every request for the pair begun since was refused with RECIPIENT_OPTED_OUT.
 */
export function checkInvariants({ before, twilio, journal, outcomes, deliveryTruth = new Map(), stops = [] }) {
  const chaosChannelSids = new Set(twilio.channels.map((channel) => channel.sid));
  // Sessions and tasks the account held before the run are not the run's to account for.
  const chaosLiveSessions = twilio.sessions.filter((session) => LIVE_SESSION.has(session.status) && !before.sessionSids.has(session.sid));
  const liveSessionByChannel = groupBy(chaosLiveSessions, (session) => session.uniqueName);
  const liveTasks = twilio.tasks.filter((task) => LIVE_TASK.has(task.status) && !before.taskSids.has(task.sid));
  const recordedLeftovers = new Set(journal.flatMap((entry) => (entry.undone ?? []).filter((record) => !record.ok).map((record) => record.sid)));

  const duplicates = {
    channels: [
      ...groupBy(
        twilio.channels.filter((c) => c.status === 'ACTIVE'),
        (c) => `${c.flexFlowSid} ${c.customer}`,
      ),
    ]
      .filter(([, group]) => group.length > 1)
      .map(([key, group]) => `${key}: ${group.map((c) => c.sid).join(', ')}`),
    tasks: [
      ...groupBy(
        liveTasks.filter((task) => chaosChannelSids.has(task.channelSid)),
        (task) => task.channelSid,
      ),
    ]
      .filter(([, group]) => group.length > 1)
      .map(([channel, group]) => `${channel}: ${group.map((t) => t.sid).join(', ')}`),
    sessions: [...liveSessionByChannel]
      .filter(([, group]) => group.length > 1)
      .map(([channel, group]) => `${channel}: ${group.map((s) => s.sid).join(', ')}`),
    sms: [
      ...groupBy(
        twilio.messages.filter((m) => m.requestId),
        (m) => m.requestId,
      ),
    ]
      .filter(([, group]) => group.length > 1)
      .map(([requestId, group]) => `${requestId}: ${group.length} messages`),
    executionsPerKey: duplicateExecutions(outcomes),
  };
  const orphans = {
    sessions: chaosLiveSessions
      .filter((session) => !chaosChannelSids.has(session.uniqueName) && !recordedLeftovers.has(session.sid))
      .map((s) => `${s.sid} (uniqueName ${s.uniqueName})`),
    channels: twilio.channels
      .filter((channel) => !liveSessionByChannel.has(channel.sid) && !recordedLeftovers.has(channel.sid))
      .map((c) => `${c.sid} (${c.customer}, ${c.status})`),
    tasks: liveTasks
      .filter((task) => !recordedLeftovers.has(task.sid) && !(chaosChannelSids.has(task.channelSid) && liveSessionByChannel.has(task.channelSid)))
      .map((t) => `${t.sid} (channel ${t.channelSid})`),
  };
  const terminal = {
    inFlight: journal.filter((entry) => entry.status === 'in_flight').map((entry) => entry.id),
    pendingFollowUps: journal
      .filter((entry) => (entry.pendingSteps ?? []).some((step) => step.status === 'pending'))
      .map(
        (entry) =>
          `${entry.id} (${entry.status}, finished ${entry.finishedAt}; ${entry.pendingSteps.map((step) => `${step.name} ${step.status} after ${step.attempts} attempt(s), recorded ${step.recordedAt}${step.error ? `, last error ${step.error.code}` : ''}`).join('; ')})`,
      ),
  };
  const answered = outcomes.filter((outcome) => outcome.final.status === 201);
  const journalById = new Map(journal.map((entry) => [entry.id, entry]));
  const messageSids = new Set(twilio.messages.map((message) => message.sid));
  const answers = {
    notSucceededInJournal: answered
      .filter((o) => journalById.get(o.final.body.id)?.status !== 'succeeded')
      .map((o) => `${o.final.body.id}: ${journalById.get(o.final.body.id)?.status ?? 'missing'}`),
    messagesMissing: answered
      .filter((o) => o.final.body.message && !messageSids.has(o.final.body.message.sid))
      .map((o) => `${o.final.body.id}: ${o.final.body.message.sid}`),
  };
  const delivery = {
    matchesTwilio: [...deliveryTruth]
      .filter(([id, status]) => journalById.get(id)?.delivery?.status !== status)
      .map(([id, status]) => `${id}: journal ${journalById.get(id)?.delivery?.status ?? 'none'}, Twilio ${status}`),
  };
  const heardStops = stops.filter((stop) => stop.heard);
  const ofPair = (entry, stop) => entry.toNumber === stop.customer && entry.fromNumber === stop.fromNumber;
  const consent = {
    stopsNotHeard: stops.filter((stop) => !stop.heard).map((stop) => `${stop.customer} → ${stop.fromNumber}`),
    messagesAfterStop: twilio.messages
      .filter((message) =>
        heardStops.some(
          (stop) =>
            message.customer === stop.customer &&
            journalById.get(message.requestId)?.fromNumber === stop.fromNumber &&
            new Date(message.dateCreated).getTime() > stop.reachedAt,
        ),
      )
      .map((message) => `${message.sid} (${message.customer}, request ${message.requestId}, created ${message.dateCreated})`),
    notRefusedAfterStop: journal
      .filter((entry) => heardStops.some((stop) => ofPair(entry, stop) && new Date(entry.startedAt).getTime() > stop.reachedAt))
      .filter((entry) => entry.status !== 'failed' || entry.error?.code !== 'RECIPIENT_OPTED_OUT')
      .map((entry) => `${entry.id} (${entry.toNumber} from ${entry.fromNumber}: ${entry.status} ${entry.error?.code ?? ''})`.trim()),
  };
  return { duplicates, orphans, terminal, answers, delivery, consent, recordedLeftovers: [...recordedLeftovers] };
}

/** One Idempotency-Key, one execution: every 201 answered for a key (replays included) names the same request. */
function duplicateExecutions(outcomes) {
  const idsByKey = new Map();
  for (const outcome of outcomes) {
    for (const id of outcome.succeededIds)
      idsByKey.set(outcome.request.idempotencyKey, new Set([...(idsByKey.get(outcome.request.idempotencyKey) ?? []), id]));
  }
  return [...idsByKey].filter(([, ids]) => ids.size > 1).map(([key, ids]) => `${key}: ${[...ids].join(', ')}`);
}

function groupBy(items, keyOf) {
  const groups = new Map();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
}

function parse(json) {
  try {
    return JSON.parse(json ?? '{}') ?? {};
  } catch {
    return {};
  }
}
