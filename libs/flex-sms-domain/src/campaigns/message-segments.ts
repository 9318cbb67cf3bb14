/**
 * How many SMS segments a body costs, the way carriers count it (Twilio, "What the Heck is a Segment?"): a body
 * written only in the GSM-7 alphabet fits 160 characters in one segment and 153 a segment once split (the user
 * data header takes 7); one character outside it makes the whole message UCS-2: 70, then 67 UTF-16 code units a
 * segment. The GSM-7 extension table's characters take two septets each.
 */
const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXTENSION = '\f^{}\\[~]|€';

const basic = new Set(GSM7_BASIC);
const extension = new Set(GSM7_EXTENSION);

export type MessageEncoding = 'GSM-7' | 'UCS-2';

export interface MessageSegments {
  encoding: MessageEncoding;
  segments: number;
}

export function messageSegments(body: string): MessageSegments {
  let septets = 0;
  for (const char of body) {
    if (basic.has(char)) septets += 1;
    else if (extension.has(char)) septets += 2;
    else return { encoding: 'UCS-2', segments: split(body.length, 70, 67) };
  }
  return { encoding: 'GSM-7', segments: split(septets, 160, 153) };
}

function split(units: number, single: number, perPart: number): number {
  if (units === 0) return 1;
  return units <= single ? 1 : Math.ceil(units / perPart);
}
