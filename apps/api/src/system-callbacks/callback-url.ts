import { BlockList, isIP } from 'node:net';
import type { TwilioSettings } from '../config/app-config';
import { validationFailed } from '../common/validation/validation-pipe';

/** Receivers' URLs are short; a cap keeps a key's or a request's row bounded. */
export const MAX_CALLBACK_URL_LENGTH = 2048;

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/**
 * Addresses the API must not be made to POST to with a real account: private networks (RFC 1918, carrier-grade NAT,
 * IPv6 unique local), link-local (169.254.169.254 is the cloud providers' metadata service) and unspecified
 * addresses. Otherwise anyone who may set a callback URL could use the API to reach what sits beside it.
 */
const INTERNAL = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
] as const) {
  INTERNAL.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['fc00::', 7],
  ['fe80::', 10],
] as const) {
  INTERNAL.addSubnet(network, prefix, 'ipv6');
}

/**
 * Why `value` cannot be a callback URL, or undefined when it can. Always: an absolute http(s) URL, no user name or
 * password in it (they would be sent in clear to every log between here and the receiver: put a token in the path
 * or query instead), no fragment (never sent). With a real Twilio account: https, except to a loopback address (a
 * receiver beside the API), and never an IP address of a private or link-local network. In sandbox mode any http(s)
 * URL will do: it is a demo on the developer's machine.
 *
 * A host NAME that resolves to an internal address is not caught here (the address may change after the check):
 * deployments that must rule that out send the API's egress through a proxy that refuses internal addresses.
 */
export function callbackUrlProblem(value: string, mode: TwilioSettings['mode']): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be an absolute http or https URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must be an http or https URL';
  if (url.username || url.password) return 'must not carry a user name or password (put a token in the path or query instead)';
  if (value.includes('#')) return 'must not have a fragment (#…): it is never sent';
  if (mode === 'sandbox') return undefined;
  const address = ipLiteral(url.hostname);
  const loopback = url.hostname === 'localhost' || (address !== undefined && LOOPBACK.check(address.ip, address.family));
  if (url.protocol === 'http:' && !loopback) return 'must be an https URL (http only to a loopback address)';
  if (address && !loopback && (INTERNAL.check(address.ip, address.family) || isMappedInternal(address.ip))) {
    return 'must not point at a private, link-local or unspecified address';
  }
  return undefined;
}

/** Refuses a bad callback URL with 400 VALIDATION_FAILED naming `field`. */
export function assertCallbackUrl(field: string, value: string | null | undefined, mode: TwilioSettings['mode']): void {
  if (value === undefined || value === null) return;
  const problem = callbackUrlProblem(value, mode);
  if (problem) throw validationFailed([{ field, message: `${field} ${problem}` }]);
}

function ipLiteral(hostname: string): { ip: string; family: 'ipv4' | 'ipv6' } | undefined {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  const version = isIP(bare);
  return version === 4 ? { ip: bare, family: 'ipv4' } : version === 6 ? { ip: bare, family: 'ipv6' } : undefined;
}

/** `::ffff:10.0.0.1` reaches 10.0.0.1. WHATWG URL writes the mapped address in hex (`::ffff:a00:1`). */
function isMappedInternal(ip: string): boolean {
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(ip);
  if (!mapped) return false;
  const high = parseInt(mapped[1], 16);
  const low = parseInt(mapped[2], 16);
  const ipv4 = [high >> 8, high & 255, low >> 8, low & 255].join('.');
  return INTERNAL.check(ipv4, 'ipv4') || LOOPBACK.check(ipv4, 'ipv4');
}
