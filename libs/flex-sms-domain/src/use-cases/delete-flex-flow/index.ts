export * from './delete-flex-flow.usecase';
