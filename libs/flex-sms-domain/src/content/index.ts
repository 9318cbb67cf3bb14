export * from './content-template';
export * from './content-template-catalog';
