export * from './run-due-cleanup-schedules.usecase';
