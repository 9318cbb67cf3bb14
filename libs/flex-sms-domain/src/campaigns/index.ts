export * from './campaign';
export * from './message-segments';
export * from './quiet-hours';
