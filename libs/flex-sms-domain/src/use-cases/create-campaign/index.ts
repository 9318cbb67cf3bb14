export * from './create-campaign.command';
export * from './create-campaign.usecase';
