import type { SandboxState } from '../../core/state';
import { isJsonObject, type JsonObject } from '../../core/twilio-encodings';
import { TwilioError, invalidParameter } from '../../http/twilio-error';
import { MAX_VARIABLES, VARIABLE_NAME, contentTypeFor, malformedPlaceholders, placeholdersOf } from './content-rendering';
import { APPROVAL_STATUSES, WHATSAPP_CATEGORIES, type ApprovalStatus, type ContentTemplate } from './content.store';

export interface NewContent {
  friendlyName?: string;
  language: string;
  variables?: Record<string, string>;
  types: JsonObject;
}

/**
 * Text limits of the types the sandbox renders (docs "twilio/text": body "Maximum length: 1,600 characters";
 * Conversations' rich content table: `twilio/quick-reply` body "Maximum 1,024 characters").
 */
const BODY_LIMITS: Record<string, number> = { 'twilio/text': 1600, 'twilio/quick-reply': 1024 };

/**
 * Creates a template. The request's shape was checked against the spec's `ContentCreateRequest` at the gateway (types
 * and their required fields, `variables` of strings); what the spec cannot say is checked here, naming the field:
 * at least one content type, placeholders written as Twilio reads them, at most 100 variables, body lengths.
 */
export function createContent(state: SandboxState, input: NewContent): ContentTemplate {
  // The spec lets each type be null: a null type is no type.
  const types = Object.fromEntries(Object.entries(input.types).filter(([, data]) => data !== null));
  const typeNames = Object.keys(types);
  if (typeNames.length === 0) throw invalidParameter('types', 'a template needs at least one content type');
  const variables = input.variables ?? {};
  const badName = Object.keys(variables).find((name) => !VARIABLE_NAME.test(name));
  if (badName !== undefined) throw invalidParameter('variables', `'${badName}' is not a variable name (letters, digits or _, at most 16)`);
  const used = new Set<string>();
  for (const type of typeNames) {
    const data = types[type];
    if (!isJsonObject(data)) continue;
    for (const [field, text] of textFields(data)) {
      const where = `types.${type}.${field}`;
      const malformed = malformedPlaceholders(text);
      if (malformed.length > 0) throw invalidParameter(where, `${malformed[0]} is not a variable: use {{1}} or {{name}}, without spaces`);
      for (const name of placeholdersOf(text)) used.add(name);
      const limit = field === 'body' ? BODY_LIMITS[type] : undefined;
      if (limit !== undefined && text.length > limit) throw invalidParameter(where, `is ${text.length} characters, at most ${limit}`);
    }
  }
  if (used.size > MAX_VARIABLES) throw invalidParameter('types', `uses ${used.size} variables, at most ${MAX_VARIABLES}`);
  const now = state.now();
  return state.content.contents.add({
    sid: state.sid('HX'),
    friendlyName: input.friendlyName ?? null,
    language: input.language,
    variables: { ...variables },
    types,
    whatsapp: null,
    dateCreated: now,
    dateUpdated: now,
  });
}

/** The texts of a content type that take placeholders: its body and title, and its actions' titles. */
function textFields(data: JsonObject): Array<[string, string]> {
  const fields: Array<[string, string]> = [];
  for (const field of ['body', 'title', 'subtitle']) if (typeof data[field] === 'string') fields.push([field, data[field] as string]);
  const actions = Array.isArray(data['actions']) ? data['actions'] : [];
  actions.forEach((action, index) => {
    if (isJsonObject(action) && typeof action['title'] === 'string') fields.push([`actions.${index}.title`, action['title']]);
  });
  return fields;
}

export interface ApprovalRequest {
  name: string;
  category: string;
}

/** "Only lowercase alphanumeric characters or underscores" (Content API, "Submit a template approval for WhatsApp"). */
const TEMPLATE_NAME = /^[a-z0-9_]+$/;

/**
 * Submits the template to WhatsApp: Twilio answers `received` (its documented example). WhatsApp's review is not
 * simulated: the template stays `received` until `/_sandbox/content/:sid/approval` decides, as WhatsApp would. A
 * template already under review or approved is not submitted again (the sandbox's choice: Twilio documents no
 * resubmission); a rejected one may be.
 */
export function submitForWhatsAppApproval(state: SandboxState, template: ContentTemplate, request: ApprovalRequest): ContentTemplate {
  if (!TEMPLATE_NAME.test(request.name)) throw invalidParameter('name', `'${request.name}' may hold only lowercase letters, digits and underscores`);
  const category = request.category.toUpperCase();
  if (!(WHATSAPP_CATEGORIES as readonly string[]).includes(category)) {
    throw invalidParameter('category', `'${request.category}' is not one of ${WHATSAPP_CATEGORIES.join(', ')}`);
  }
  if (!contentTypeFor(template, 'whatsapp')) throw invalidParameter('types', 'the template has no content type WhatsApp carries');
  const current = template.whatsapp?.status ?? 'unsubmitted';
  if (current !== 'unsubmitted' && current !== 'rejected') {
    throw new TwilioError(400, 20001, `Content ${template.sid} was already submitted for WhatsApp approval (status ${current})`);
  }
  template.whatsapp = { name: request.name, category, status: 'received', rejectionReason: '', allowCategoryChange: true };
  template.dateUpdated = state.now();
  return template;
}

/** WhatsApp's decision on a submitted template (the sandbox control standing in for WhatsApp's review). */
export function decideWhatsAppApproval(
  state: SandboxState,
  template: ContentTemplate,
  decision: { status: unknown; rejectionReason?: unknown },
): ContentTemplate {
  const status = decision.status as ApprovalStatus;
  const decidable: readonly ApprovalStatus[] = APPROVAL_STATUSES.filter((candidate) => candidate !== 'unsubmitted');
  if (!decidable.includes(status)) throw new TwilioError(400, 20001, `status must be one of ${decidable.join(', ')}`);
  if (decision.rejectionReason !== undefined && typeof decision.rejectionReason !== 'string') {
    throw new TwilioError(400, 20001, 'rejectionReason must be a string');
  }
  if (!template.whatsapp) throw new TwilioError(400, 20001, `Content ${template.sid} was not submitted for WhatsApp approval`);
  template.whatsapp.status = status;
  template.whatsapp.rejectionReason = status === 'rejected' ? ((decision.rejectionReason as string | undefined) ?? 'INVALID_FORMAT') : '';
  template.dateUpdated = state.now();
  return template;
}
