export * from './clean-up-long-lived-channels.usecase';
export * from './long-lived-channel-cleanup.handler';
export * from './long-lived-channel-selection';
