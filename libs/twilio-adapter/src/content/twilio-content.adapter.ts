import type { ContentPort, ContentTemplate } from '@flex-sms/domain';
import type twilio from 'twilio';
import { callTwilio } from '../errors/twilio-error.mapper';

/** An account holds a few hundred templates at most; this bounds a runaway list. */
const CONTENT_LIST_LIMIT = 1000;

/** The SDK passes `approval_requests` through as Twilio sends it (snake_case keys). */
interface ApprovalRequests {
  name?: string;
  category?: string;
  status?: string;
  rejection_reason?: string;
}

/** Content API v1: the account's templates with their WhatsApp approval, in one list (ContentAndApprovals). */
export class TwilioContentAdapter implements ContentPort {
  constructor(private readonly client: twilio.Twilio) {}

  async listContentAndApprovals(): Promise<ContentTemplate[]> {
    const templates = await callTwilio({ resource: 'Content templates' }, () =>
      this.client.content.v1.contentAndApprovals.list({ limit: CONTENT_LIST_LIMIT, pageSize: 500 }),
    );
    return templates.map((template) => {
      const approval = (template.approvalRequests ?? {}) as ApprovalRequests;
      return {
        sid: template.sid,
        friendlyName: template.friendlyName ?? template.sid,
        language: template.language ?? '',
        variables: stringRecord(template.variables),
        types: (template.types ?? {}) as ContentTemplate['types'],
        whatsapp: {
          status: approval.status || 'unsubmitted',
          name: approval.name || null,
          category: approval.category || null,
          rejectionReason: approval.rejection_reason || null,
        },
        dateUpdated: template.dateUpdated,
      };
    });
  }
}

function stringRecord(value: unknown): Record<string, string> {
  if (!value || typeof value !== 'object') return {};
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, sample]) => [key, String(sample)]));
}
