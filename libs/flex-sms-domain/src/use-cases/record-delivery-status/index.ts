export * from './record-delivery-status.usecase';
