export * from './errors';
export * from './flex-flows';
export * from './in-memory';
export * from './ports';
export * from './retry';
export * from './steps';
export * from './use-cases';
export * from './value-objects';
