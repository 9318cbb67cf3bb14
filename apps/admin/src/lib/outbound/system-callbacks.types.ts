// The system callbacks of a request (GET /api/v1/outbound/:id/callbacks): each change reported to the calling system.
import type { Schema } from '../api/wire';

export type SystemCallbackList = Schema<'SystemCallbackListDto'>;
export type SystemCallback = SystemCallbackList['items'][number];
export type SystemCallbackAttempt = SystemCallback['attemptLog'][number];

export const CALLBACK_STATUS_LABEL: Record<SystemCallback['status'], string> = {
  pending: 'Pending',
  delivered: 'Delivered',
  failed: 'Given up',
};

export const CALLBACK_EVENT_LABEL: Record<string, string> = {
  'request.state': 'Request state',
  delivery: 'Delivery status',
};
