export * from './update-flex-flow.command';
export * from './update-flex-flow.usecase';
