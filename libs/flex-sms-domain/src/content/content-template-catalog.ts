import { CachedValue } from '../cache/cached-value';
import type { Clock } from '../ports/clock.port';
import type { ContentPort, ContentTemplate } from '../ports/content.port';
import { IDEMPOTENT, type TwilioRetrier } from '../retry/twilio-retrier';

/** Templates change rarely (a new one waits for WhatsApp's review anyway); `refresh` reads them at once. */
export const CONTENT_TEMPLATES_TTL_MS = 5 * 60_000;

/** The account's Content templates with their WhatsApp approval, cached: one Twilio list per TTL. */
export class ContentTemplateCatalog {
  private readonly templates: CachedValue<ContentTemplate[]>;

  constructor(port: ContentPort, clock: Clock, retrier: TwilioRetrier, ttlMs = CONTENT_TEMPLATES_TTL_MS) {
    this.templates = new CachedValue(() => retrier.run('list Content templates', () => port.listContentAndApprovals(), IDEMPOTENT), clock, ttlMs);
  }

  list(options: { refresh?: boolean } = {}): Promise<ContentTemplate[]> {
    return this.templates.get(options);
  }

  /** When the list was read from Twilio. */
  fetchedAt(): Date | null {
    const at = this.templates.loadedAt();
    return at === undefined ? null : new Date(at);
  }

  /** A template by SID; a miss re-reads the list once (it may have been created, or approved, since). */
  async find(contentSid: string): Promise<ContentTemplate | undefined> {
    const cached = (await this.list()).find((template) => template.sid === contentSid);
    if (cached) return cached;
    return (await this.list({ refresh: true })).find((template) => template.sid === contentSid);
  }
}
