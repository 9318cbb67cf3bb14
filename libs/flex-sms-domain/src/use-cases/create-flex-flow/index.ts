export * from './create-flex-flow.command';
export * from './create-flex-flow.usecase';
