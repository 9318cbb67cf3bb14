import { Collection } from '../../core/collection';

export const FLEX_CHANNEL_TYPES = ['web', 'sms', 'facebook', 'whatsapp', 'line', 'custom'] as const;
export const FLEX_INTEGRATION_TYPES = ['studio', 'external', 'task'] as const;

export type FlexChannelType = (typeof FLEX_CHANNEL_TYPES)[number];
export type FlexIntegrationType = (typeof FLEX_INTEGRATION_TYPES)[number];

/** A Flex Flow: how messages on a contact identity (a number) reach Flex, through Studio or straight to a Task. */
export interface FlexFlow {
  sid: string;
  friendlyName: string;
  chatServiceSid: string;
  channelType: FlexChannelType;
  contactIdentity: string | null;
  enabled: boolean;
  integrationType: FlexIntegrationType;
  /** Integration settings in Twilio's snake_case (`flow_sid`, or `workspace_sid`/`workflow_sid`/`channel`…). */
  integration: Record<string, string | number | boolean>;
  longLived: boolean;
  janitorEnabled: boolean;
  dateCreated: Date;
  dateUpdated: Date;
}

/** A Flex chat channel: the chat channel Flex made for one contact, with its chat user and, for task flows, a Task. */
export interface FlexChannel {
  /** Same SID as the chat channel (CH…). */
  sid: string;
  flexFlowSid: string;
  userSid: string;
  identity: string;
  target: string;
  taskSid: string | null;
  longLived: boolean;
  dateCreated: Date;
  dateUpdated: Date;
}

export class FlexStore {
  readonly flows = new Collection<FlexFlow>();
  readonly channels = new Collection<FlexChannel>();
  /** Channel per `flexFlowSid|target`: Flex hands back the ACTIVE channel for the same flow and target. */
  readonly channelByFlowAndTarget = new Map<string, string>();

  static targetKey(flexFlowSid: string, target: string): string {
    return `${flexFlowSid}|${target}`;
  }

  flowsFor(contactIdentity: string): FlexFlow[] {
    return this.flows.filter((flow) => flow.contactIdentity === contactIdentity);
  }

  channelForTask(taskSid: string): FlexChannel | undefined {
    return this.channels.find((channel) => channel.taskSid === taskSid);
  }
}
