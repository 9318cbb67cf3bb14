export * from './register-delivery-callbacks.usecase';
