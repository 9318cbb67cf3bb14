export * from './open-channel.step';
export * from './outbound-dependencies';
export * from './outbound-sms.result';
export * from './post-message.step';
export * from './proxy-session-rules';
export * from './run-outbound-conversation';
export * from './undo';
