import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { callerReference, requestCaller } from '../../auth/caller';
import { requestContextOf } from '../request-context';
import { requestIdOf } from '../request-id';
import { routePatternOf } from '../route-pattern';

/** Who the request log names when no caller was authenticated: public routes, and refused credentials. */
export const ANONYMOUS = 'anonymous';
/** … and when the metrics scraper's token (METRICS_TOKEN) let it in. */
export const METRICS_SCRAPER = 'metrics-token';

const elapsedMs = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e6;
const rounded = (ms: number) => Math.round(ms * 10) / 10;

/**
 * One line per request once it is answered (or the client has gone): request id, caller reference, method, route
 * pattern, URL, status, duration, and the Twilio requests made for it with their total time. Never headers or
 * bodies; the logger redacts the rest (the URL's numbers, as configured).
 */
export function requestLogger(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    const log = () => {
      const context = requestContextOf(res);
      const caller = requestCaller(req);
      const entry = {
        requestId: requestIdOf(res),
        caller: caller ? callerReference(caller) : context?.metricsScraper ? METRICS_SCRAPER : ANONYMOUS,
        method: req.method,
        route: routePatternOf(req),
        url: req.originalUrl,
        status: res.statusCode,
        durationMs: rounded(elapsedMs(started)),
        twilio: { requests: context?.twilioRequests ?? 0, durationMs: rounded(context?.twilioMs ?? 0) },
        ...(typeof res.locals.errorCode === 'string' ? { errorCode: res.locals.errorCode } : {}),
        ...(res.writableFinished ? {} : { aborted: true }),
      };
      const twilio = entry.twilio.requests > 0 ? ` (Twilio: ${entry.twilio.requests} in ${entry.twilio.durationMs} ms)` : '';
      logger.info({ context: 'HTTP', ...entry }, `${entry.method} ${entry.url} → ${entry.status} in ${entry.durationMs} ms${twilio}`);
    };
    res.once('finish', log);
    // A client that hung up before the answer still gets its line, marked aborted.
    res.once('close', () => res.writableFinished || log());
    next();
  };
}
