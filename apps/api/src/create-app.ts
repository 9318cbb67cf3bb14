import { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { configureHttp } from './common/configure-http';
import { AppConfig } from './config/app-config';

/** Builds the API (not listening yet) from a validated configuration. */
export async function createApp(config: AppConfig, options: { logger?: LogLevel[] | false } = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false, // configureHttp registers them after the request id middleware
    abortOnError: false, // a failed start throws to main.ts, which says why and exits non-zero
    ...(options.logger !== undefined ? { logger: options.logger } : {}),
  });
  configureHttp(app, config);
  return app;
}
