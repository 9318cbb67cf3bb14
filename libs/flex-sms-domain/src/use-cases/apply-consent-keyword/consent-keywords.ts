/**
 * Twilio's default keywords on long codes and toll-free numbers (help.twilio.com "Twilio support for opt-out keywords
 * (SMS STOP filtering)"; the Advanced Opt-Out tutorial lists the same opt-out set): a message is a keyword only when
 * it is exactly one, in any case, surrounding white space aside ("STOP PLEASE" is not). HELP/INFO change nothing.
 */
export const OPT_OUT_KEYWORDS = ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT'] as const;
export const OPT_IN_KEYWORDS = ['START', 'UNSTOP', 'YES'] as const;
export const HELP_KEYWORDS = ['HELP', 'INFO'] as const;

export type ConsentKeyword = { kind: 'opt-out' | 'opt-in' | 'help'; keyword: string };

export function consentKeywordOf(body: string): ConsentKeyword | undefined {
  const word = body.trim().toUpperCase();
  if ((OPT_OUT_KEYWORDS as readonly string[]).includes(word)) return { kind: 'opt-out', keyword: word };
  if ((OPT_IN_KEYWORDS as readonly string[]).includes(word)) return { kind: 'opt-in', keyword: word };
  if ((HELP_KEYWORDS as readonly string[]).includes(word)) return { kind: 'help', keyword: word };
  return undefined;
}
