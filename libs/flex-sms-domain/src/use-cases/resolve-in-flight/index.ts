export * from './resolve-in-flight.usecase';
