export { startSandbox, type RunningSandbox, type SandboxOptions } from './server/start-sandbox';
export { DEMO_NUMBERS, type DemoAccount, type TaskChannelName } from './seed/demo-account';
export { SandboxControls, type HandsetSummary, type RequestLogSnapshot } from './client/sandbox-controls';
export type { FaultConfig, FaultSettings, EndpointFault, FailNextRule, RequestPattern } from './faults/fault-config';
export type { LoggedRequest } from './faults/request-log';
export type { HandsetMessage } from './controls/handset';
export type { InboundSms, InboundSmsOutcome } from './messaging/inbound-sms';
export type { RequestChecker, RequestCheck, ParamProblem } from './spec';
