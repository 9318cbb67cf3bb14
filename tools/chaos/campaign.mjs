// A campaign under the chaos run's faults: created before the traffic starts, so its sends meet the same 5xx, 429s,
// dropped connections and the API's SIGKILL + restart. Its customers are chaos customers (+14157…, a block the
// traffic never reaches), so the run's own invariants (duplicates, orphans, terminal) cover its channels, sessions
// and journal entries too; the ones here are the campaign's: each recipient sent at most once, in a final state,
// opted-out recipients never texted, and the campaign's counts equal to what the sandbox's handsets received.
import { DEMO_NUMBERS } from '../bench/lib/customers.mjs';
import { sleep } from '../bench/lib/processes.mjs';

const RECIPIENTS = 100;
/** Opted out through the consent API before the campaign is created: the campaign must leave them out. */
const OPTED_OUT = 5;
/** Slow enough that the campaign is still sending while the traffic (and the kill) happen. */
const PACING_PER_SECOND = 2;
/** Backoff after Twilio's pushback reaches a minute per level: the settle allows several. */
const SETTLE_TIMEOUT_MS = 240_000;
const FINAL_STATUSES = new Set(['completed', 'cancelled', 'stopped']);

/** Opts the first few customers out (of both senders), then creates the campaign; resolves with what the checks need. */
export async function startChaosCampaign(client) {
  const recipients = Array.from({ length: RECIPIENTS }, (_, index) => `+141579${String(index).padStart(5, '0')}`);
  const optedOut = recipients.slice(0, OPTED_OUT);
  for (const recipient of optedOut) {
    for (const scope of DEMO_NUMBERS) {
      const answer = await client.post('/api/v1/consent', { recipient, scope, reason: 'Chaos run: opted out before the campaign' });
      if (answer.status !== 201 && answer.status !== 200)
        throw new Error(`opting ${recipient} out answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    }
  }
  const created = await client.post('/api/v1/campaigns', {
    name: 'Chaos campaign',
    body: 'Hi {{name}}, a chaos notice.',
    senders: DEMO_NUMBERS,
    pacingPerSecond: PACING_PER_SECOND,
    sendFrom: '00:00',
    sendUntil: '00:00',
    recipients: recipients.map((number, index) => ({ number, name: `Chaos ${index}` })),
  });
  if (created.status !== 201) throw new Error(`the campaign answered ${created.status}: ${JSON.stringify(created.body)}`);
  return { id: created.body.id, recipients, optedOut };
}

/**
 * Waits (faults cleared) until the campaign is final and no recipient is claimed, then checks it against the
 * sandbox. `getClient` is read on each call: the API is restarted meanwhile. Resolves with the report's lines and
 * the invariants' violations by name.
 */
export async function checkChaosCampaign(getClient, controls, campaign) {
  const started = performance.now();
  let view = await settled(getClient, campaign.id);
  const settleSeconds = (performance.now() - started) / 1000;
  const rows = await recipientsOf(getClient(), campaign.id);
  const received = new Map((await controls.handsets()).map((handset) => [handset.number, handset.received]));
  const texts = (number) => received.get(number) ?? 0;
  const states = tally(rows.map((row) => row.state));
  const optedOut = new Set(campaign.optedOut);
  const invariants = {
    sentAtMostOnce: campaign.recipients.filter((number) => texts(number) > 1).map((number) => `${number}: ${texts(number)} messages`),
    finalState: rows.filter((row) => row.state === 'pending' || row.state === 'sending').map((row) => `${row.toNumber}: ${row.state}`),
    optedOutNotSent: [
      ...campaign.optedOut.filter((number) => texts(number) > 0).map((number) => `${number}: texted though opted out`),
      ...rows.filter((row) => optedOut.has(row.toNumber) && row.state !== 'opted_out').map((row) => `${row.toNumber}: ${row.state}, not opted_out`),
    ],
    countsMatchSandbox: [
      ...(rows.length === campaign.recipients.length ? [] : [`${rows.length} recipients listed for ${campaign.recipients.length} given`]),
      ...rows
        .filter((row) => row.state === 'sent' && texts(row.toNumber) !== 1)
        .map((row) => `${row.toNumber}: sent, ${texts(row.toNumber)} messages`),
      ...rows
        .filter((row) => row.state !== 'sent' && row.state !== 'failed' && texts(row.toNumber) > 0)
        .map((row) => `${row.toNumber}: ${row.state}, ${texts(row.toNumber)} messages`),
      ...Object.entries(view.counts)
        .filter(([state, count]) => count !== (states[state] ?? 0))
        .map(([state, count]) => `counts.${state} ${count}, recipients ${states[state] ?? 0}`),
    ],
  };
  const failedButTexted = rows.filter((row) => row.state === 'failed' && texts(row.toNumber) > 0).length;
  const lines = [
    `  Campaign: ${campaign.recipients.length} recipients over ${DEMO_NUMBERS.length} senders at ${PACING_PER_SECOND}/s each, ${campaign.optedOut.length} opted out ` +
      `beforehand; ${view.status} ${settleSeconds.toFixed(1)} s after the traffic (backoff level ${view.backoffLevel}); ` +
      `${Object.entries(states)
        .map(([state, count]) => `${state}: ${count}`)
        .join(', ')}; ${failedButTexted} failed after Twilio took the message`,
    ...Object.entries(invariants).map(
      ([name, violations]) =>
        `  ${violations.length === 0 ? 'ok  ' : 'FAIL'} campaign.${name}: ${violations.length}${violations.length ? ` — ${violations.slice(0, 5).join('; ')}` : ''}`,
    ),
  ];
  return {
    lines,
    broken: Object.entries(invariants)
      .filter(([, violations]) => violations.length > 0)
      .map(([name]) => `campaign.${name}`),
  };
}

async function settled(getClient, id) {
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  let view;
  while (Date.now() < deadline) {
    const answer = await getClient().get(`/api/v1/campaigns/${id}`);
    if (answer.status === 200) {
      view = answer.body;
      if (FINAL_STATUSES.has(view.status) && view.counts.sending === 0) return view;
    }
    await sleep(500);
  }
  if (!view) throw new Error(`campaign ${id} could not be read`);
  return view;
}

async function recipientsOf(client, id) {
  const rows = [];
  for (let after = -1; ;) {
    const answer = await client.get(`/api/v1/campaigns/${id}/recipients?limit=1000&after=${after}`);
    if (answer.status !== 200) throw new Error(`recipients of ${id}: ${answer.status}`);
    rows.push(...answer.body.recipients);
    if (answer.body.next === null) return rows;
    after = answer.body.next;
  }
}

function tally(values) {
  const counts = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}
