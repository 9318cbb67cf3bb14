import { DynamicModule, Module } from '@nestjs/common';
import type { TwilioSettings } from '../config/app-config';
import { TwilioAccount } from '../twilio/twilio-account';
import { SandboxHandsetController } from './sandbox-handset.http.controller';
import { SandboxHandsetService } from './sandbox-handset.service';

/**
 * `/api/v1/sandbox/handset`: the embedded sandbox's customer phones, for the console's "Sandbox handset" page.
 * The browser never talks to the sandbox itself; the API relays through the sandbox's `/_sandbox/*` controls.
 */
@Module({})
export class SandboxHandsetModule {
  /**
   * Mounted only when the API starts its own embedded sandbox (no Twilio credentials, TwilioAccount.mode ===
   * 'sandbox'). On a real account, and on a sandbox reached as if it were Twilio (TWILIO_BASE_URL), the routes do
   * not exist: nothing in a deployment may pretend to be a customer.
   */
  static forTwilio(settings: TwilioSettings): DynamicModule {
    if (settings.mode !== 'sandbox') return { module: SandboxHandsetModule };
    return {
      module: SandboxHandsetModule,
      controllers: [SandboxHandsetController],
      providers: [
        {
          provide: SandboxHandsetService,
          inject: [TwilioAccount],
          useFactory: async (account: TwilioAccount) => {
            if (account.mode !== 'sandbox' || !account.sandboxUrl)
              throw new Error('The sandbox handset needs the embedded sandbox, which did not start.');
            // Loaded here, not at the top: an API on a real account never loads the sandbox library.
            const { SandboxControls } = await import('@flex-sms/twilio-sandbox');
            return new SandboxHandsetService(new SandboxControls(account.sandboxUrl));
          },
        },
      ],
    };
  }
}
