import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeysModule } from '../api-keys/api-keys.module';
import { SessionsModule } from '../sessions/sessions.module';
import { UsersModule } from '../users/users.module';
import { AuthCoreModule } from './auth-core.module';
import { AuthGuard } from './auth.guard';
import { Credentials } from './credentials';
import { SendRateLimit } from './rate-limit/send-rate-limit';
import { TwilioSignatureGuard } from './twilio-signature.guard';

/**
 * Who may call what: API keys, console users and sessions, and the global AuthGuard (deny by default). Also
 * exports TwilioSignatureGuard for routes that take Twilio's webhooks.
 */
@Module({
  imports: [AuthCoreModule, ApiKeysModule, UsersModule, SessionsModule],
  providers: [Credentials, SendRateLimit, TwilioSignatureGuard, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [TwilioSignatureGuard],
})
export class AuthModule {}
