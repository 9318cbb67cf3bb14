export * from './fetch-flex-flow.usecase';
