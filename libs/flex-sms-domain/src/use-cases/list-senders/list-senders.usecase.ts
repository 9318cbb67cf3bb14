import type { SenderMode, SenderModeDirectory } from '../../outbound/sender-modes';

export interface SenderList {
  /** Each number the caller may send from, with the mode a send from it takes, why, and its channels. */
  senders: SenderMode[];
}

/** `GET /api/v1/senders`: the account's senders as the outbound flows see them (the same directory, the same cache). */
export class ListSenders {
  constructor(private readonly senderModes: SenderModeDirectory) {}

  /** `allowedFromNumbers`: a key restricted to some numbers sees only those. */
  async execute(options: { allowedFromNumbers?: readonly string[] } = {}): Promise<SenderList> {
    const { allowedFromNumbers } = options;
    const senders = await this.senderModes.senders();
    return { senders: allowedFromNumbers ? senders.filter((sender) => allowedFromNumbers.includes(sender.number)) : senders };
  }
}
