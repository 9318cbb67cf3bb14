import { isoDate } from '../../core/dates';
import type { SerializeContext } from '../../http/serialize-context';
import { contentTypeFor } from './content-rendering';
import type { ContentTemplate } from './content.store';

const contentUrl = (ctx: SerializeContext, sid: string) => `${ctx.baseUrl}/content/v1/Content/${sid}`;

function common(template: ContentTemplate, ctx: SerializeContext) {
  return {
    date_created: isoDate(template.dateCreated),
    date_updated: isoDate(template.dateUpdated),
    sid: template.sid,
    account_sid: ctx.accountSid,
    friendly_name: template.friendlyName,
    language: template.language,
    variables: template.variables,
    types: template.types,
  };
}

/** `content.v1.content` */
export function serializeContent(template: ContentTemplate, ctx: SerializeContext) {
  const url = contentUrl(ctx, template.sid);
  return { ...common(template, ctx), url, links: { approval_create: `${url}/ApprovalRequests/whatsapp`, approval_fetch: `${url}/ApprovalRequests` } };
}

/**
 * The WhatsApp approval as Twilio writes it (`name`, `category`, `content_type`, `status`, `rejection_reason`,
 * `allow_category_change`); before submission, empty strings and `unsubmitted`, as in the spec's example of
 * ContentAndApprovals.
 */
function approval(template: ContentTemplate) {
  const whatsapp = template.whatsapp;
  return {
    name: whatsapp?.name ?? '',
    category: whatsapp?.category ?? '',
    content_type: whatsapp ? (contentTypeFor(template, 'whatsapp') ?? '') : '',
    status: whatsapp?.status ?? 'unsubmitted',
    rejection_reason: whatsapp?.rejectionReason ?? '',
    allow_category_change: whatsapp?.allowCategoryChange ?? true,
  };
}

/** `content.v1.content_and_approvals`: the template with its WhatsApp approval, no `url` nor `links`. */
export function serializeContentAndApprovals(template: ContentTemplate, ctx: SerializeContext) {
  return { ...common(template, ctx), approval_requests: approval(template) };
}

/** `content.v1.content.approval_create`: what Twilio answers a submission (its example: `"status": "received"`). */
export function serializeApprovalCreate(template: ContentTemplate) {
  return approval(template);
}

/** `content.v1.content.approval_fetch`: the approval under `whatsapp`, with its `type`. */
export function serializeApprovalFetch(template: ContentTemplate, ctx: SerializeContext) {
  return {
    sid: template.sid,
    account_sid: ctx.accountSid,
    whatsapp: { type: 'whatsapp', ...approval(template) },
    url: `${contentUrl(ctx, template.sid)}/ApprovalRequests`,
  };
}
