export * from './retry-policy';
export * from './twilio-retrier';
