export * from './delivery-status';
export * from './twilio-error-explanations';
