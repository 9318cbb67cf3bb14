export * from './chat/twilio-chat-channel.adapter';
export * from './chat/twilio-message.adapter';
export * from './client/twilio-client.factory';
export * from './errors/twilio-error.mapper';
export * from './flex/twilio-flex-flow.adapter';
export * from './proxy/twilio-proxy-session.adapter';
export * from './taskrouter/twilio-task.adapter';
export * from './twilio-ports.factory';
