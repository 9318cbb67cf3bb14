import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * No body this API takes nests deeper than this (the urlencoded parser's own default, for JSON too). Validation
 * walks bodies recursively (Nest's ValidationPipe strips prototype keys level by level), so a JSON body 10,000
 * levels deep, which JSON.parse reads without trouble, exhausted the stack: a 500.
 */
export const MAX_BODY_DEPTH = 32;

/** Whether JSON text nests arrays and objects more than `max` deep (brackets inside strings do not count). */
export function jsonNestsDeeperThan(json: Uint8Array, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < json.length; index++) {
    const byte = json[index];
    if (inString) {
      if (byte === BACKSLASH) index++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (byte === OPEN_BRACKET || byte === OPEN_BRACE) {
      if (++depth > max) return true;
    } else if (byte === CLOSE_BRACKET || byte === CLOSE_BRACE) depth--;
  }
  return false;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/** The `type` of the error refuseDeepJson throws, beside body-parser's own (`entity.parse.failed`, …). */
export const BODY_TOO_DEEP = 'entity.too.deep';

/**
 * body-parser's `verify` hook for JSON (it sees the bytes before they are parsed): refuses a body nested beyond
 * MAX_BODY_DEPTH with a 400 that describeError answers as MALFORMED_BODY.
 */
export function refuseDeepJson(_request: IncomingMessage, _response: ServerResponse, body: Buffer): void {
  if (jsonNestsDeeperThan(body, MAX_BODY_DEPTH))
    throw Object.assign(new Error(`body nested more than ${MAX_BODY_DEPTH} levels deep`), { status: 400, type: BODY_TOO_DEEP });
}
