import { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { configureHttp } from './common/configure-http';
import { SILENT_LOG_OUTPUT } from './common/logging/app-logger';
import { AppConfig } from './config/app-config';

/**
 * Builds the API (not listening yet) from a validated configuration. Everything it logs goes through its pino
 * logger (LOG_FORMAT, LOG_LEVEL), unless `logger` is given: then Nest's console logger at those levels (none when
 * false) and no request lines, as tests want.
 */
export async function createApp(config: AppConfig, options: { logger?: LogLevel[] | false } = {}): Promise<NestExpressApplication> {
  const nestLogs = options.logger !== undefined;
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, nestLogs ? SILENT_LOG_OUTPUT : undefined), {
    bodyParser: false, // configureHttp registers them after the request id middleware
    abortOnError: false, // a failed start throws to main.ts, which says why and exits non-zero
    // What Nest logs while it builds the app waits for the logger built with it.
    ...(nestLogs ? { logger: options.logger } : { bufferLogs: true }),
  });
  if (!nestLogs) app.useLogger(app.get(Logger));
  configureHttp(app, config);
  return app;
}
