export * from './manage-cleanup-schedules.usecase';
