export * from './outbound-dependencies';
export * from './outbound-sms.result';
export * from './undo';
export * from './outbound-mode';
export * from './journaled-request';
export * from './outbound-channel';
export * from './sender-modes';
export * from './outbound-message';
