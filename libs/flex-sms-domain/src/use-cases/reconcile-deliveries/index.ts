export * from './reconcile-deliveries.usecase';
