export * from './flex-flow-directory';
export * from './select-flex-flow';
export * from './filter-flex-flows';
export * from './find-conflicting-flex-flow';
export * from './flex-flow-management.dependencies';
export * from './flex-flow-settings.input';
export * from './resolve-flex-flow-integration';
export * from './read-contact-identity';
