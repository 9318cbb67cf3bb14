import { Injectable } from '@nestjs/common';
import type { HandsetMessage, HandsetSummary, InboundSmsOutcome, SandboxControls } from '@flex-sms/twilio-sandbox';
import { ApiException } from '../common/api-exception';

/** The account's addresses a customer can write to: its numbers (SMS) and its WhatsApp senders. */
interface AccountAddresses {
  accountNumbers: string[];
  whatsappSenders: string[];
}

/** Reads and drives the embedded sandbox's customer handsets through its `/_sandbox/*` controls. */
@Injectable()
export class SandboxHandsetService {
  private accountAddresses?: Promise<AccountAddresses>;

  constructor(private readonly controls: SandboxControls) {}

  async list(): Promise<AccountAddresses & { handsets: HandsetSummary[] }> {
    const [addresses, handsets] = await Promise.all([this.addresses(), this.controls.handsets()]);
    return { ...addresses, handsets };
  }

  async thread(number: string): Promise<{ number: string; messages: HandsetMessage[] }> {
    return { number, messages: await this.controls.handsetThread(number) };
  }

  /**
   * The customer texts `to`, one of the account's numbers, or writes to it over WhatsApp when `to` is one of its
   * WhatsApp senders (anything else would go nowhere); their phone writes from the same channel.
   */
  async reply(from: string, input: { to: string; body: string }): Promise<InboundSmsOutcome> {
    const { accountNumbers, whatsappSenders } = await this.addresses();
    const whatsapp = whatsappSenders.includes(input.to);
    if (!whatsapp && !accountNumbers.includes(input.to)) {
      throw new ApiException(400, 'VALIDATION_FAILED', 'The request has 1 invalid field.', {
        details: [
          {
            field: 'to',
            message: `to must be one of the sandbox account's numbers or WhatsApp senders: ${[...accountNumbers, ...whatsappSenders].join(', ')}`,
          },
        ],
      });
    }
    if (accountNumbers.includes(from)) {
      throw new ApiException(400, 'VALIDATION_FAILED', 'The request has 1 invalid field.', {
        details: [{ field: 'number', message: 'number must be a customer’s number, not one of the account’s' }],
      });
    }
    return this.controls.sendInboundSms({ from: whatsapp ? `whatsapp:${from}` : from, to: input.to, body: input.body });
  }

  // The demo account's numbers are fixed for the sandbox's lifetime (a reset re-seeds the same ones): read once.
  private addresses(): Promise<AccountAddresses> {
    this.accountAddresses ??= this.controls
      .account()
      .then((account) => ({ accountNumbers: account.numbers, whatsappSenders: account.whatsappSenders }));
    this.accountAddresses.catch(() => (this.accountAddresses = undefined));
    return this.accountAddresses;
  }
}
