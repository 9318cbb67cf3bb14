import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule, getSchemaPath } from '@nestjs/swagger';
import { PUBLIC_EXTENSION } from './auth/public.decorator';
import { DEFAULT_REQUIRED_ROLE, ROLE_EXTENSION } from './auth/roles.decorator';
import { sessionCookieName } from './sessions/session-cookie';
import { DATABASE_UNAVAILABLE_MESSAGE } from './common/describe-error';
import { ErrorResponseDto } from './common/error-response.dto';
import { AppConfig, DEMO_API_KEY } from './config/app-config';

export const DOCS_PATH = 'docs';
export const BEARER_SCHEME = 'bearer';
export const SESSION_SCHEME = 'session';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/**
 * Swagger UI at /docs, the OpenAPI document at /docs-json. Only the sandbox's UI keeps the key typed into
 * "Authorize" across reloads: it is kept in the browser's localStorage, where any script of the page can read it,
 * which is fine for the public demo key and not for a real one.
 */
export function setupSwagger(app: INestApplication, config: AppConfig): OpenAPIObject {
  const document = buildOpenApiDocument(app, config);
  SwaggerModule.setup(DOCS_PATH, app, document, {
    jsonDocumentUrl: `${DOCS_PATH}-json`,
    swaggerOptions: { persistAuthorization: config.twilio.mode === 'sandbox' },
  });
  return document;
}

export function buildOpenApiDocument(app: INestApplication, config: AppConfig): OpenAPIObject {
  const sessionCookie = sessionCookieName(config.auth.sessionCookieSecure);
  const options = new DocumentBuilder()
    .setTitle('Flex Outbound SMS API')
    .setDescription(
      [
        'Start SMS conversations from Twilio Flex: agent-initiated (with a TaskRouter Task) or fire-and-forget.',
        '',
        'Every route except the health probes and sign-in needs credentials: `Authorization: Bearer <API key>` (keys are created by admins at `/api/v1/api-keys`; ' +
          `\`BOOTSTRAP_API_KEY\` is an admin key, \`${DEMO_API_KEY}\` with the embedded Twilio sandbox) or the console's session cookie.`,
        'Roles: `operator` sends and reads; `admin` also manages Flex Flows, cleanup, API keys and users. Each operation names the role it needs.',
        'Every error has one shape, `ErrorResponse`; branch on `error.code`.',
      ].join('\n'),
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An API key (fsk_…), or BOOTSTRAP_API_KEY' }, BEARER_SCHEME)
    .addCookieAuth(
      sessionCookie,
      { type: 'apiKey', in: 'cookie', name: sessionCookie, description: 'Console session (POST /api/v1/auth/login)' },
      SESSION_SCHEME,
    )
    .build();
  const document = SwaggerModule.createDocument(app, options, { extraModels: [ErrorResponseDto] });
  return documentSecurityAndErrors(document);
}

/**
 * The guard denies by default, so the document does too: every operation requires the bearer scheme and may answer
 * 401, except those marked @Public(); every operation may answer 500, and every authenticated one 503
 * DATABASE_UNAVAILABLE (authentication reads the database). All errors reference the one ErrorResponse.
 */
function documentSecurityAndErrors(document: OpenAPIObject): OpenAPIObject {
  const errorResponse = (description: string, example?: { status: number; code: string; message: string }) => ({
    description,
    content: {
      'application/json': {
        schema: { $ref: getSchemaPath(ErrorResponseDto) },
        ...(example ? { examples: { [example.code]: { value: { error: { ...example, requestId: '5f0c6c1e-8c1b-4d5e-9a43-0a4c1b7f6f2e' } } } } } : {}),
      },
    },
  });
  for (const pathItem of Object.values(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (!operation) continue;
      const extensions = operation as unknown as Record<string, unknown>;
      const isPublic = extensions[PUBLIC_EXTENSION] === true;
      operation.security = isPublic ? [] : [{ [BEARER_SCHEME]: [] }, { [SESSION_SCHEME]: [] }];
      operation.responses ??= {};
      if (!isPublic) {
        const role = (extensions[ROLE_EXTENSION] as string | undefined) ?? DEFAULT_REQUIRED_ROLE;
        operation.description = [`**Role: ${role}.**`, operation.description].filter(Boolean).join(' ');
        operation.responses['401'] ??= errorResponse('UNAUTHENTICATED: missing, invalid or revoked API key, or no session', {
          status: 401,
          code: 'UNAUTHENTICATED',
          message: 'The API key is not valid, or has been revoked.',
        });
        operation.responses['403'] ??= errorResponse(`FORBIDDEN: needs the ${role} role`, {
          status: 403,
          code: 'FORBIDDEN',
          message: `This endpoint needs the ${role} role.`,
        });
        const unavailable = 'DATABASE_UNAVAILABLE: the database cannot be reached or cannot write right now; retry after Retry-After seconds';
        const documented = operation.responses['503'] as { description?: string } | undefined;
        if (documented) documented.description = [documented.description, unavailable].filter(Boolean).join('; or ');
        else
          operation.responses['503'] = errorResponse(unavailable, {
            status: 503,
            code: 'DATABASE_UNAVAILABLE',
            message: DATABASE_UNAVAILABLE_MESSAGE,
          });
      }
      operation.responses['500'] ??= errorResponse('INTERNAL_ERROR: unexpected failure (quote the requestId)');
    }
  }
  return document;
}
