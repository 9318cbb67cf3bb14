import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { loadAppConfig } from './config/load-app-config';
import { setRoutePrefix } from './routes';
import { buildOpenApiDocument } from './swagger';

/**
 * The OpenAPI document as the API serves it on its embedded sandbox, built without starting anything: Nest's preview
 * mode reads the modules' controllers and DTOs but runs no provider (no database, no sandbox, no Twilio). The sandbox
 * configuration is the one whose document has every route (the sandbox handset too), so it is the one the console's
 * types are generated from (tools/scripts/generate-api-types.mjs).
 */
export async function sandboxOpenApiDocument(): Promise<OpenAPIObject> {
  const config = loadAppConfig({ DATABASE_URL: 'memory://' });
  const app = await NestFactory.create(AppModule.forRoot(config), { preview: true, logger: false, abortOnError: false });
  try {
    setRoutePrefix(app);
    return buildOpenApiDocument(app, config);
  } finally {
    await app.close();
  }
}
