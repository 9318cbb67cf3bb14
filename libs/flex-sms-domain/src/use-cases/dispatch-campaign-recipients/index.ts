export * from './dispatch-campaign-recipients.usecase';
