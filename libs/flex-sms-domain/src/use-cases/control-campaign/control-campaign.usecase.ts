import type { Campaign, CampaignStatus } from '../../campaigns/campaign';
import { CampaignNotFound, CampaignStateConflict } from '../../errors';
import type { CampaignStore } from '../../ports/campaign-store.port';
import type { Clock } from '../../ports/clock.port';

export type CampaignAction = 'pause' | 'resume' | 'cancel';

/** Where each action may start from, and where it leads. */
const TRANSITIONS: Record<CampaignAction, { from: readonly CampaignStatus[]; to: CampaignStatus }> = {
  pause: { from: ['running', 'scheduled'], to: 'paused' },
  // A campaign stopped for review resumes once an operator has looked (the same action as after a pause).
  resume: { from: ['paused', 'stopped'], to: 'running' },
  cancel: { from: ['running', 'scheduled', 'paused', 'stopped'], to: 'cancelled' },
};

/**
 * Pause, resume or cancel a campaign. A pause takes effect at the next recipient: sends already claimed finish (or
 * go back to the queue, if their pacing slot had not opened yet). Cancelling settles every pending recipient.
 */
export class ControlCampaign {
  constructor(private readonly deps: { store: CampaignStore; clock: Clock }) {}

  async execute(campaignId: string, action: CampaignAction): Promise<Campaign> {
    const { from, to } = TRANSITIONS[action];
    const at = new Date(this.deps.clock.now());
    const moved = await this.deps.store.transition(campaignId, from, to, at);
    if (!moved) {
      const campaign = await this.deps.store.get(campaignId);
      if (!campaign) throw new CampaignNotFound(campaignId);
      throw new CampaignStateConflict(campaignId, campaign.status, action);
    }
    if (action === 'cancel') {
      await this.deps.store.cancelPending(campaignId, at);
      await this.deps.store.completeIfDone(campaignId, at);
    }
    return (await this.deps.store.get(campaignId)) ?? moved;
  }
}
