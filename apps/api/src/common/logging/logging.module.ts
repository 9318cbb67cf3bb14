import { DynamicModule, Global, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';
import { AppConfig } from '../../config/app-config';
import { APP_LOGGER, LogOutput, createAppLogger } from './app-logger';
import { LogRedactor, logRedactorFor } from './log-redactor';

const LOG_OUTPUT = Symbol('LOG_OUTPUT');

/**
 * The API's logs (pino): the LogRedactor, the logger (APP_LOGGER), and nestjs-pino, which makes the logger Nest's
 * (`app.useLogger(app.get(Logger))`).
 */
@Global()
@Module({})
export class LoggingModule {
  /** `output`: where the logs go instead of standard output (tests). */
  static forRoot(output?: LogOutput): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [APP_LOGGER],
          useFactory: (logger: Logger) => ({
            pinoHttp: { logger },
            // No pino-http middleware: requestLogger writes the one line per request (also for requests refused before
            // Nest's router) and the logger's mixin adds the request id. Nest would mount the middleware as a route per
            // HTTP method and path on Express 5, thousands of router layers every request walks.
            forRoutes: [],
          }),
        }),
      ],
      providers: [
        { provide: LOG_OUTPUT, useValue: output ?? null },
        { provide: LogRedactor, useFactory: logRedactorFor, inject: [AppConfig] },
        {
          provide: APP_LOGGER,
          useFactory: (config: AppConfig, redactor: LogRedactor, logOutput: LogOutput | null) =>
            createAppLogger(config.logOutput, redactor, logOutput ?? undefined),
          inject: [AppConfig, LogRedactor, LOG_OUTPUT],
        },
      ],
      exports: [LogRedactor, APP_LOGGER],
    };
  }
}
