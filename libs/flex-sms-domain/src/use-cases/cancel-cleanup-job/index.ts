export * from './cancel-cleanup-job.usecase';
