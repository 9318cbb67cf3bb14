export * from './find-customer-window.usecase';
