export * from './send-system-sms.command';
export * from './send-system-sms.usecase';
