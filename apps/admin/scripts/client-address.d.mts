// Types of client-address.mjs, for the jest spec that imports it (src/server/client-address.spec.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';

export type Trust = (address: string, hop: number) => boolean;
export function trustedProxies(setting: string | undefined): Trust;
export function withClientAddress(
  handler: (request: IncomingMessage, response: ServerResponse) => unknown,
  trust: Trust,
): (request: IncomingMessage, response: ServerResponse) => unknown;
