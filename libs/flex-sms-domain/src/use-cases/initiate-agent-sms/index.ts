export * from './initiate-agent-sms.command';
export * from './initiate-agent-sms.usecase';
