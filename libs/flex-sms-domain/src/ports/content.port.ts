/**
 * Content API v1: the account's Content templates (`HX…`) and WhatsApp's decision on each (ContentAndApprovals).
 * A template has one body per content type (`twilio/text`, `twilio/quick-reply`, …), with `{{name}}` placeholders
 * whose default values are its `variables`.
 */
export interface ContentTemplate {
  sid: string;
  friendlyName: string;
  language: string;
  /** The placeholders' default (sample) values, by name. */
  variables: Record<string, string>;
  /** The template's bodies by content type, as Twilio returns them. */
  types: Record<string, Record<string, unknown>>;
  /** WhatsApp's approval: `approved`, `pending`, `received`, `rejected`, `paused`, `disabled`, `unsubmitted`. */
  whatsapp: { status: string; name: string | null; category: string | null; rejectionReason: string | null };
  dateUpdated: Date;
}

export interface ContentPort {
  /** Every template of the account with its WhatsApp approval (`GET content.twilio.com/v1/ContentAndApprovals`). */
  listContentAndApprovals(): Promise<ContentTemplate[]>;
}
