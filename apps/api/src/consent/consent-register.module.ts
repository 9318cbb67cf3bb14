import { Module } from '@nestjs/common';
import { SqlConsentRegister } from './sql-consent-register';

/** The register alone: the outbound flows check it, the consent routes and listeners write it. */
@Module({ providers: [SqlConsentRegister], exports: [SqlConsentRegister] })
export class ConsentRegisterModule {}
