import { bodyFor, buttonsFor, placeholdersOf, renderContent, WHATSAPP_APPROVED } from '../../content/content-template';
import type { ContentTemplateCatalog } from '../../content/content-template-catalog';
import type { ContentTemplate } from '../../ports/content.port';

/** A template as a sender picks it: what it says, what it needs filled in, and whether WhatsApp may carry it. */
export interface ContentTemplateView {
  sid: string;
  friendlyName: string;
  language: string;
  /** Its content types (`twilio/text`, `twilio/quick-reply`…). */
  types: string[];
  /** Each placeholder, in order, with the template's sample (default) value. */
  variables: Array<{ name: string; sample: string | null }>;
  /** The body each channel shows, with `{{name}}` placeholders as written, and filled with the samples. */
  body: { sms: string | null; whatsapp: string | null };
  preview: { sms: string | null; whatsapp: string | null };
  /** The quick-reply buttons WhatsApp shows under the body (placeholders as written); SMS shows none. */
  buttons: { whatsapp: string[] };
  whatsapp: ContentTemplate['whatsapp'] & { approved: boolean };
  dateUpdated: string;
}

export interface ContentTemplateList {
  templates: ContentTemplateView[];
  /** When the list was read from Twilio (it is cached; `refresh` reads it again). */
  fetchedAt: string | null;
}

/** `GET /api/v1/content-templates`: the account's Content templates, cached, with a refresh. */
export class ListContentTemplates {
  constructor(private readonly catalog: ContentTemplateCatalog) {}

  async execute(options: { refresh?: boolean } = {}): Promise<ContentTemplateList> {
    const templates = await this.catalog.list(options);
    return { templates: templates.map(toView), fetchedAt: this.catalog.fetchedAt()?.toISOString() ?? null };
  }
}

function toView(template: ContentTemplate): ContentTemplateView {
  return {
    sid: template.sid,
    friendlyName: template.friendlyName,
    language: template.language,
    types: Object.keys(template.types),
    variables: placeholdersOf(template).map((name) => ({ name, sample: template.variables[name] ?? null })),
    body: { sms: bodyFor(template, 'sms'), whatsapp: bodyFor(template, 'whatsapp') },
    preview: { sms: renderContent(template, 'sms'), whatsapp: renderContent(template, 'whatsapp') },
    buttons: { whatsapp: buttonsFor(template, 'whatsapp') },
    whatsapp: { ...template.whatsapp, approved: template.whatsapp.status === WHATSAPP_APPROVED },
    dateUpdated: template.dateUpdated.toISOString(),
  };
}
