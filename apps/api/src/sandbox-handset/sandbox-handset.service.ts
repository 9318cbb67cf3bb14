import { Injectable } from '@nestjs/common';
import type { HandsetMessage, HandsetSummary, InboundSmsOutcome, SandboxControls } from '@flex-sms/twilio-sandbox';
import { ApiException } from '../common/api-exception';

/** Reads and drives the embedded sandbox's customer handsets through its `/_sandbox/*` controls. */
@Injectable()
export class SandboxHandsetService {
  private accountNumbers?: Promise<string[]>;

  constructor(private readonly controls: SandboxControls) {}

  async list(): Promise<{ accountNumbers: string[]; handsets: HandsetSummary[] }> {
    const [accountNumbers, handsets] = await Promise.all([this.numbers(), this.controls.handsets()]);
    return { accountNumbers, handsets };
  }

  async thread(number: string): Promise<{ number: string; messages: HandsetMessage[] }> {
    return { number, messages: await this.controls.handsetThread(number) };
  }

  /** The customer texts `to`; it must be one of the account's numbers (anything else would go nowhere). */
  async reply(from: string, input: { to: string; body: string }): Promise<InboundSmsOutcome> {
    const accountNumbers = await this.numbers();
    if (!accountNumbers.includes(input.to)) {
      throw new ApiException(400, 'VALIDATION_FAILED', 'The request has 1 invalid field.', {
        details: [{ field: 'to', message: `to must be one of the sandbox account's numbers: ${accountNumbers.join(', ')}` }],
      });
    }
    if (accountNumbers.includes(from)) {
      throw new ApiException(400, 'VALIDATION_FAILED', 'The request has 1 invalid field.', {
        details: [{ field: 'number', message: 'number must be a customer’s number, not one of the account’s' }],
      });
    }
    return this.controls.sendInboundSms({ from, to: input.to, body: input.body });
  }

  // The demo account's numbers are fixed for the sandbox's lifetime (a reset re-seeds the same ones): read once.
  private numbers(): Promise<string[]> {
    this.accountNumbers ??= this.controls.account().then((account) => account.numbers);
    this.accountNumbers.catch(() => (this.accountNumbers = undefined));
    return this.accountNumbers;
  }
}
