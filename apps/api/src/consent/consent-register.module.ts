import { Module } from '@nestjs/common';
import { CONSENT_REGISTER } from './consent.tokens';
import { SqlConsentRegister } from './sql-consent-register';

/**
 * The register alone: the outbound flows check it, the consent routes and listeners write it, campaigns read it through
 * the domain port (CONSENT_REGISTER).
 */
@Module({
  providers: [SqlConsentRegister, { provide: CONSENT_REGISTER, useExisting: SqlConsentRegister }],
  exports: [SqlConsentRegister, CONSENT_REGISTER],
})
export class ConsentRegisterModule {}
