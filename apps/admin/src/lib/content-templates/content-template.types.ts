// The account's Content templates as the API lists them (GET /api/v1/content-templates).
import type { Schema } from '../api/wire';

export type ContentTemplate = Schema<'ContentTemplateDto'>;
export type ContentTemplateList = Schema<'ContentTemplateListDto'>;
