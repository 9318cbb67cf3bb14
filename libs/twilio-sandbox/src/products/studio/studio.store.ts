import { Collection } from '../../core/collection';

export interface StudioFlow {
  sid: string;
  friendlyName: string;
  definition: Record<string, unknown>;
  status: 'draft' | 'published';
  revision: number;
  commitMessage: string | null;
  dateCreated: Date;
  dateUpdated: Date;
}

export interface StudioExecution {
  sid: string;
  flowSid: string;
  contactChannelAddress: string;
  context: Record<string, unknown>;
  status: 'active' | 'ended';
  dateCreated: Date;
  dateUpdated: Date;
}

export class StudioStore {
  readonly flows = new Collection<StudioFlow>();
  readonly executions = new Collection<StudioExecution>();
  /** `flowSid|contact` → the contact's active execution: Studio runs one execution per contact and flow at a time. */
  readonly activeExecutionByContact = new Map<string, string>();

  static key(flowSid: string, contact: string): string {
    return `${flowSid}|${contact}`;
  }
}
