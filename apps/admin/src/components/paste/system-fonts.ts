// Paste's themes name web fonts (Inter, Twilio Sans) that Paste's Theme.Provider loads from assets.twilio.com.
// The console must work on machines with no internet access and must not call home, so it drops those families and
// keeps the system fallbacks Paste already lists after them.

/** Font families that Paste serves from its CDN; everything after them in a stack is a local font. */
const REMOTE_FONT_FAMILY = /^['"]?(Inter var|TwilioSans)/;

export function withoutRemoteFontFamilies(stack: string): string {
  const local = stack
    .split(',')
    .map((family) => family.trim())
    .filter((family) => family !== '' && !REMOTE_FONT_FAMILY.test(family));
  return local.length > 0 ? local.join(', ') : 'sans-serif';
}

export function withSystemFonts<T extends Record<string, string>>(fonts: T): T {
  return Object.fromEntries(Object.entries(fonts).map(([token, stack]) => [token, withoutRemoteFontFamilies(stack)])) as T;
}
