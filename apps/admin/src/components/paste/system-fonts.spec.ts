import { describe, expect, it } from '@jest/globals';
import { withSystemFonts, withoutRemoteFontFamilies } from './system-fonts';

describe('withoutRemoteFontFamilies', () => {
  it("drops Paste's web fonts and keeps the system fallbacks in order", () => {
    const pasteText = "'Inter var experimental', 'Inter var', -apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, sans-serif";
    expect(withoutRemoteFontFamilies(pasteText)).toBe("-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, sans-serif");
  });

  it('drops Twilio Sans from the code stack', () => {
    expect(withoutRemoteFontFamilies("'TwilioSansMono', Courier, monospace")).toBe('Courier, monospace');
  });

  it('falls back to the generic family when a stack held only web fonts', () => {
    expect(withoutRemoteFontFamilies("'Inter var'")).toBe('sans-serif');
  });
});

describe('withSystemFonts', () => {
  it('rewrites every token of a theme font map', () => {
    const fonts = withSystemFonts({ fontFamilyText: "'Inter var', Arial", fontFamilyCode: '"TwilioSansMono", monospace' });
    expect(fonts).toEqual({ fontFamilyText: 'Arial', fontFamilyCode: 'monospace' });
  });
});
