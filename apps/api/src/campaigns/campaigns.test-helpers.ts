import type { HandsetMessage, SandboxControls } from '@flex-sms/twilio-sandbox';
import type { TestApp } from '../testing/test-app';

/** No quiet hours: suites that are not about them must not depend on the time of day they run at. */
export const ANY_TIME = { sendFrom: '00:00', sendUntil: '00:00' } as const;

export interface CampaignBody {
  id: string;
  status: string;
  counts: Record<string, number>;
  report: Record<string, { count: number; rows: { row: number; input: string; reason: string }[] }> & {
    toSend: number;
    rows: number;
    segments: Record<string, unknown>;
    estimatedDurationSeconds: number;
  };
  [key: string]: unknown;
}

/** Polls GET /campaigns/:id until `done` holds (or gives up after `tries`). */
export async function waitForCampaign(
  api: Pick<TestApp, 'http'>,
  id: string,
  done: (campaign: CampaignBody) => boolean,
  tries = 600,
): Promise<CampaignBody> {
  let campaign: CampaignBody | undefined;
  for (let attempt = 0; attempt < tries; attempt++) {
    campaign = (await api.http.get(`/api/v1/campaigns/${id}`).expect(200)).body as CampaignBody;
    if (done(campaign)) return campaign;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Campaign ${id} never got there: ${JSON.stringify(campaign)}`);
}

/** The messages a handset received with this body (what the customer saw: the count is the number of sends). */
export async function received(controls: SandboxControls, number: string, body: string): Promise<HandsetMessage[]> {
  return (await controls.handsetThread(number)).filter((message) => message.direction === 'received' && message.body === body);
}

/** `count` customer numbers no other suite texts: +1 415 555 01xx is fictional and possible. */
export function customers(count: number, offset = 0): string[] {
  return Array.from({ length: count }, (_, index) => `+1415555${String(1000 + offset + index).padStart(4, '0')}`);
}
