export * from './phone-number.value-object';
export * from './sid.value-object';
