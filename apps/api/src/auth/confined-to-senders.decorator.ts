import { SetMetadata } from '@nestjs/common';

export const CONFINED_TO_SENDERS = 'flex-sms:confined-to-senders';

/**
 * Marks a route that keeps a caller restricted to some sender numbers (an operator API key's `allowedFromNumbers`)
 * to those numbers' data by itself: its lists leave other numbers out, and another number's resource is a 404. The
 * guard refuses such callers on every other route (403 SENDER_RESTRICTED) but the @SendsSms() ones, which check the
 * sender: deny by default, so a route added tomorrow cannot hand a restricted key another number's data by
 * omission. route-coverage.http.spec.ts lists the marked routes for review.
 */
export const ConfinedToSenders = () => SetMetadata(CONFINED_TO_SENDERS, true);
