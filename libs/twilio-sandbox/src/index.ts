export { startSandbox, type RunningSandbox, type SandboxOptions } from './server/start-sandbox';
export { DEMO_CONVERSATIONS_NUMBER, DEMO_NUMBERS, type DemoAccount, type DemoTemplateName, type TaskChannelName } from './seed/demo-account';
export {
  SandboxControls,
  type ContentApprovalInput,
  type HandsetFateInput,
  type HandsetSummary,
  type RequestLogSnapshot,
  type WhatsAppWindowInput,
} from './client/sandbox-controls';
export type { CustomerServiceWindow } from './messaging/whatsapp-window';
export type { ApprovalStatus, WhatsAppApproval } from './products/content/content.store';
export type { MessageChannel } from './messaging/channel-address';
export type { LoggedCallback, CallbackAttempt } from './callbacks/callback-dispatcher';
export type { AccountFlags } from './controls/controls';
export type { HandsetFate, HandsetOutcome } from './controls/handset.store';
export type { DeliverySettings } from './messaging/delivery/delivery-runtime';
export { DEFAULT_KEYWORD_REPLIES, OPT_OUT_KEYWORDS, OPT_IN_KEYWORDS, HELP_KEYWORDS } from './messaging/opt-out-keywords';
export { MAGIC_RECIPIENTS } from './messaging/delivery/carrier';
export type { FaultConfig, FaultSettings, EndpointFault, FailNextRule, RequestPattern } from './faults/fault-config';
export type { LoggedRequest } from './faults/request-log';
export type { HandsetMessage } from './controls/handset';
export type { InboundSms, InboundSmsOutcome } from './messaging/inbound-sms';
export type { RequestChecker, RequestCheck, ParamProblem } from './spec';
