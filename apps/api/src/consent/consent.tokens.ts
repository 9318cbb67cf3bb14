/**
 * The consent register (ConsentRegisterPort, libs/flex-sms-domain/src/ports/consent-register.port.ts): provided by the
 * consent module, injected by whoever must not message an opted-out customer (campaigns).
 */
export const CONSENT_REGISTER = Symbol('CONSENT_REGISTER');
