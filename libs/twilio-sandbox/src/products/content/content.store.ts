import { Collection } from '../../core/collection';
import type { JsonObject } from '../../core/twilio-encodings';

/**
 * A Content template's WhatsApp approval status (docs "Message template approvals and statuses", Content API
 * "Fetch an approval status"): `unsubmitted` until submitted, `received` by Twilio, `pending` while WhatsApp reviews
 * it, then `approved` or `rejected`; an approved one may later be `paused` or `disabled` ("Messages that use this
 * template cannot be sent"). Only `approved` starts a business-initiated WhatsApp conversation.
 */
export const APPROVAL_STATUSES = ['unsubmitted', 'received', 'pending', 'approved', 'rejected', 'paused', 'disabled'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

/** WhatsApp's template categories (Content API "Submit templates for approval": `category`). */
export const WHATSAPP_CATEGORIES = ['UTILITY', 'MARKETING', 'AUTHENTICATION'] as const;

/** What was submitted to WhatsApp for a template, and what WhatsApp made of it. */
export interface WhatsAppApproval {
  /** The template's name at WhatsApp: lowercase letters, digits and underscores. */
  name: string;
  category: string;
  status: ApprovalStatus;
  /** Empty unless rejected, as Twilio sends it. */
  rejectionReason: string;
  allowCategoryChange: boolean;
}

/** A Content API template (`HX…`): its content types, with `{{1}}`/`{{name}}` placeholders and their defaults. */
export interface ContentTemplate {
  sid: string;
  friendlyName: string | null;
  language: string;
  /** Default value of each placeholder: used when a send leaves the variable out. */
  variables: Record<string, string>;
  /** Content type (`twilio/text`, `twilio/quick-reply`, …) → its data, as created (checked against the spec). */
  types: JsonObject;
  /** Null until submitted for WhatsApp approval. */
  whatsapp: WhatsAppApproval | null;
  dateCreated: Date;
  dateUpdated: Date;
}

export class ContentStore {
  readonly contents = new Collection<ContentTemplate>();
}
