export * from './control-campaign.usecase';
