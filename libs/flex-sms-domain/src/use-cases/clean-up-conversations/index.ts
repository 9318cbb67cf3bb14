export * from './clean-up-conversations.usecase';
export * from './conversation-cleanup.handler';
export * from './conversation-selection';
