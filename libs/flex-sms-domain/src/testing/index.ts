// `@flex-sms/domain/testing`: the reference in-memory adapters, for other packages' tests (contract suites, the
// adapter's sandbox tests). Not part of the built package: production code cannot import it.
export * from './in-memory-journal';
export * from './in-process-pair-lock';
export * from './in-memory-cleanup-job-store';
export * from './in-memory-consent-register';
export * from './in-memory-delivery-log';
export * from './in-memory-campaign-store';
export * from './fake-clock';
