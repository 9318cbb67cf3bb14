export * from './apply-consent-keyword.usecase';
export * from './consent-keywords';
