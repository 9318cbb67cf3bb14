export * from './list-content-templates.usecase';
