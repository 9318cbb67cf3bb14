// The console's Paste theme: Paste's default (the Twilio Console look) with local fonts only.
import { DefaultTheme } from '@twilio-paste/core/theme';
import { withSystemFonts } from './system-fonts';

export const consoleThemeOverrides = {
  fonts: withSystemFonts(DefaultTheme.fonts),
};
