import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule, getSchemaPath } from '@nestjs/swagger';
import { PUBLIC_EXTENSION } from './auth/public.decorator';
import { ErrorResponseDto } from './common/error-response.dto';
import { DEMO_API_KEY } from './config/app-config';

export const DOCS_PATH = 'docs';
export const BEARER_SCHEME = 'bearer';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** Swagger UI at /docs, the OpenAPI document at /docs-json. */
export function setupSwagger(app: INestApplication): OpenAPIObject {
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup(DOCS_PATH, app, document, {
    jsonDocumentUrl: `${DOCS_PATH}-json`,
    swaggerOptions: { persistAuthorization: true },
  });
  return document;
}

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const options = new DocumentBuilder()
    .setTitle('Flex Outbound SMS API')
    .setDescription(
      [
        'Start SMS conversations from Twilio Flex: agent-initiated (with a TaskRouter Task) or fire-and-forget.',
        '',
        `Every route except the health probes needs \`Authorization: Bearer <API key>\`. With the embedded Twilio sandbox the key defaults to \`${DEMO_API_KEY}\`.`,
        'Every error has one shape, `ErrorResponse`; branch on `error.code`.',
      ].join('\n'),
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'The API key (BOOTSTRAP_API_KEY)' }, BEARER_SCHEME)
    .build();
  const document = SwaggerModule.createDocument(app, options, { extraModels: [ErrorResponseDto] });
  return documentSecurityAndErrors(document);
}

/**
 * The guard denies by default, so the document does too: every operation requires the bearer scheme and may answer
 * 401, except those marked @Public(); every operation may answer 500. All errors reference the one ErrorResponse.
 */
function documentSecurityAndErrors(document: OpenAPIObject): OpenAPIObject {
  const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: getSchemaPath(ErrorResponseDto) } } } });
  for (const pathItem of Object.values(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (!operation) continue;
      const isPublic = (operation as unknown as Record<string, unknown>)[PUBLIC_EXTENSION] === true;
      operation.security = isPublic ? [] : [{ [BEARER_SCHEME]: [] }];
      operation.responses ??= {};
      if (!isPublic) operation.responses['401'] ??= errorResponse('UNAUTHENTICATED: missing or invalid API key');
      operation.responses['500'] ??= errorResponse('INTERNAL_ERROR: unexpected failure (quote the requestId)');
    }
  }
  return document;
}
