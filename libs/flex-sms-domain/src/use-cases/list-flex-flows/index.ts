export * from './list-flex-flows.usecase';
