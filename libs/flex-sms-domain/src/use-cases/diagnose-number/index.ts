export * from './diagnose-number.usecase';
export * from './diagnosis';
export * from './setup-checks';
