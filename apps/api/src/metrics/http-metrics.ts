import type { NextFunction, Request, Response } from 'express';
import { requestContextOf } from '../common/request-context';
import { routePatternOf } from '../common/route-pattern';
import { IDEMPOTENT_REPLAYED_HEADER } from '../idempotency/idempotency.interceptor';
import { Metrics } from './metrics';
import { FLOW_LABEL, NO_MODE, channelLabelOf } from './send-labels';

/**
 * Counts every answered request by route pattern and status, its error code when it is an error, and a send a
 * sending route refused (4xx) before it reached the journal: invalid, restricted sender, rate limited, idempotency
 * conflict. Sends that reached the journal are counted there (MeteredJournal), replays not at all.
 */
export function httpMetrics(metrics: Metrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const route = routePatternOf(req);
      const status = String(res.statusCode);
      metrics.httpRequests.inc({ method: req.method, route, status });
      metrics.httpRequestDuration.observe({ method: req.method, route }, Number(process.hrtime.bigint() - started) / 1e9);
      if (typeof res.locals.errorCode === 'string') metrics.errors.inc({ code: res.locals.errorCode, status });
      const context = requestContextOf(res);
      const refused = res.statusCode >= 400 && res.statusCode < 500 && !res.getHeader(IDEMPOTENT_REPLAYED_HEADER);
      if (context?.sends && !context.journaled && refused) {
        metrics.sends.inc({
          flow: FLOW_LABEL[context.sends],
          mode: NO_MODE,
          channel: channelLabelOf((req.body as { channel?: unknown } | undefined)?.channel),
          outcome: 'refused',
        });
      }
    });
    next();
  };
}
