export * from './list-senders.usecase';
