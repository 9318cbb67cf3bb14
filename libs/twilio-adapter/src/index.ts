export * from './client/twilio-client.factory';
