export * from './chat-channel.port';
export * from './clock.port';
export * from './flex-flow.port';
export * from './journal.port';
export * from './message.port';
export * from './pair-lock.port';
export * from './proxy-session.port';
export * from './task.port';
