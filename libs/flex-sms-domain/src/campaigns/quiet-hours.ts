import type * as CountriesAndTimezones from 'countries-and-timezones' with { 'resolution-mode': 'import' };
import { parsePhoneNumberFromString } from 'libphonenumber-js';

/** Local times of day, `HH:MM`, between which a campaign may message a recipient. */
export interface QuietHours {
  /** First minute a message may go out (default 08:00). The same as `sendUntil`: no quiet hours. */
  sendFrom: string;
  /** First minute it may no longer (default 21:00). */
  sendUntil: string;
}

export const DEFAULT_QUIET_HOURS: QuietHours = { sendFrom: '08:00', sendUntil: '21:00' };

// countries-and-timezones publishes its types as an ES module only; its CommonJS build, which `require` loads here,
// has the same API.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { getCountry } = require('countries-and-timezones') as typeof CountriesAndTimezones;

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isTimeOfDay(value: string): boolean {
  return HH_MM.test(value);
}

function minutesOf(value: string): number {
  const [, hours, minutes] = HH_MM.exec(value) ?? [];
  return Number(hours) * 60 + Number(minutes);
}

/**
 * The time zones a number may ring in. libphonenumber-js gives the country; a country spanning several zones (the
 * US, Canada, Russia, Australia, Brazil…) gives them all, and the window must hold in every one of them, because the
 * number alone does not say which (a mobile keeps its area code when its owner moves). A number with no country
 * (a fictional +1 555 number) is read by its calling code's main country.
 */
export function timeZonesOfNumber(e164: string): readonly string[] {
  const parsed = parsePhoneNumberFromString(e164);
  const country = parsed?.country ?? (parsed ? mainCountryOf(parsed.countryCallingCode) : undefined);
  const zones = country ? getCountry(country)?.timezones : undefined;
  return zones?.length ? zones : ['UTC'];
}

const MAIN_COUNTRY: Record<string, string> = {
  '1': 'US',
  '7': 'RU',
  '44': 'GB',
  '47': 'NO',
  '61': 'AU',
  '262': 'RE',
  '290': 'SH',
  '358': 'FI',
  '590': 'GP',
  '599': 'CW',
};

function mainCountryOf(callingCode: string): string | undefined {
  return MAIN_COUNTRY[callingCode];
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function localMinuteOfDay(zone: string, at: number): number {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(zone, format);
  }
  const parts = format.formatToParts(at);
  const hour = Number(parts.find((part) => part.type === 'hour')?.value);
  const minute = Number(parts.find((part) => part.type === 'minute')?.value);
  return hour * 60 + minute;
}

function inWindow(minute: number, from: number, until: number): boolean {
  // The same time twice is the whole day (no quiet hours); a window across midnight (22:00–06:00) is allowed too.
  if (from === until) return true;
  return from < until ? minute >= from && minute < until : minute >= from || minute < until;
}

const STEP_MS = 5 * 60_000;
const HORIZON_MS = 48 * 3_600_000;

/**
 * When a message to `e164` may go out at or after `now` (epoch ms): `now` itself inside the window, otherwise the
 * first 5-minute boundary at which every zone of the number is inside it; within 48 hours (a window no time of day
 * satisfies in every zone, say 08:00–09:00 across the US, falls back to the first minute it holds in any zone).
 */
export function nextSendableTime(e164: string, quietHours: QuietHours, now: number): number {
  const zones = timeZonesOfNumber(e164);
  const from = minutesOf(quietHours.sendFrom);
  const until = minutesOf(quietHours.sendUntil);
  const allowedEverywhere = (at: number) => zones.every((zone) => inWindow(localMinuteOfDay(zone, at), from, until));
  if (allowedEverywhere(now)) return now;
  const firstStep = Math.ceil(now / STEP_MS) * STEP_MS;
  for (let at = firstStep; at <= now + HORIZON_MS; at += STEP_MS) {
    if (allowedEverywhere(at)) return at;
  }
  for (let at = firstStep; at <= now + HORIZON_MS; at += STEP_MS) {
    if (zones.some((zone) => inWindow(localMinuteOfDay(zone, at), from, until))) return at;
  }
  return now;
}
