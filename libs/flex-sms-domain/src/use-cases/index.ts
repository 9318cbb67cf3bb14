export * from './complete-pending-steps';
export * from './initiate-agent-sms';
export * from './outbound-command.validation';
export * from './resolve-in-flight';
export * from './send-system-sms';
