export * from './clean-up-proxy-sessions.usecase';
export * from './proxy-session-cleanup.handler';
export * from './proxy-session-selection';
