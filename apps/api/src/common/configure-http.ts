import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { AppConfig } from '../config/app-config';
import { setRoutePrefix } from '../routes';
import { setupSwagger } from '../swagger';
import { httpMetrics } from '../metrics/http-metrics';
import { Metrics } from '../metrics/metrics';
import { AllExceptionsFilter } from './all-exceptions.filter';
import { MAX_BODY_DEPTH, refuseDeepJson } from './body-depth';
import { answerClientErrorsInErrorShape } from './client-error';
import { sendError } from './error-response';
import { APP_LOGGER } from './logging/app-logger';
import { LogRedactor } from './logging/log-redactor';
import { requestLogger } from './logging/request-logger';
import { requestContextMiddleware } from './request-context';
import { REQUEST_ID_HEADER, requestIdMiddleware } from './request-id';
import { createValidationPipe } from './validation/validation-pipe';

/** Requests carry phone numbers and short messages; anything near this is a mistake or an attack. */
export const BODY_LIMIT = '100kb';

/**
 * The HTTP platform every route runs on, in main.ts and in tests alike. The app must be created with
 * `bodyParser: false`: the request id middleware has to run before the body parsers, so that even a malformed
 * body gets an error with a request id.
 */
export function configureHttp(app: NestExpressApplication, config: AppConfig): void {
  const redactor = app.get(LogRedactor);
  // Who the client is (login throttling per address) when a trusted proxy (the console's, a load balancer) forwards.
  app.set('trust proxy', config.trustProxy);
  answerClientErrorsInErrorShape(app.getHttpServer());
  app.use(requestIdMiddleware);
  app.use(requestLogger(app.get(APP_LOGGER)));
  app.use(httpMetrics(app.get(Metrics)));
  app.use(helmet());
  app.enableCors({ origin: [...config.corsOrigins], exposedHeaders: [REQUEST_ID_HEADER], maxAge: 600 });
  // JSON for API clients; form-encoded because the original Twilio Functions accepted it (Studio's HTTP widget).
  app.useBodyParser('json', { limit: BODY_LIMIT, verify: refuseDeepJson });
  app.useBodyParser('urlencoded', { limit: BODY_LIMIT, extended: true, depth: MAX_BODY_DEPTH });
  // The console session cookie (see sessions/session-cookie.ts).
  app.use(cookieParser());
  app.use(requestContextMiddleware);
  // Errors raised by the body parsers happen before Nest's router, so Nest's filters never see them.
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => sendError(error, req, res, redactor));
  setRoutePrefix(app);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter(redactor));
  setupSwagger(app, config);
}
