export * from './flex-flow-directory';
export * from './select-flex-flow';
