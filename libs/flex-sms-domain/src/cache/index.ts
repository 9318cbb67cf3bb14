export * from './cached-value';
