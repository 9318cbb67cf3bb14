export * from './complete-pending-steps.usecase';
