export * from './in-memory-journal';
export * from './in-process-pair-lock';
