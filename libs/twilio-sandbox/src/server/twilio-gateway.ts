import { json, urlencoded } from 'body-parser';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse } from 'node:querystring';
import Router, { type ErrorRequestHandler, type RequestHandler } from 'router';
import type { StateRef } from '../core/state';
import type { FaultInjector } from '../faults/fault-injector';
import type { LoggedRequest, RequestLog } from '../faults/request-log';
import { twilioAuth } from '../http/auth';
import { Params, type RawParams } from '../http/params';
import { sendJson } from '../http/respond';
import { requestTarget, twilioPath, type Route } from '../http/route';
import {
  TwilioError,
  authenticate,
  internalError,
  invalidParameter,
  missingParameter,
  notFound,
  tooManyRequests,
  unknownParameter,
} from '../http/twilio-error';
import type { RequestChecker } from '../spec';

export interface GatewayDependencies {
  ref: StateRef;
  routes: Route[];
  faults: FaultInjector;
  log: RequestLog;
  checkRequest?: RequestChecker;
}

/** Retry-After of the account concurrency limit's 429. */
const CONCURRENCY_RETRY_AFTER_SECONDS = 1;

/** Twilio refuses bodies beyond a few MB; a sandbox request body never needs more than this. */
const MAX_BODY = '5mb';

const ACCOUNT_SID = /^AC[0-9a-fA-F]{32}$/;

/**
 * Every body is read as a form, whatever its Content-Type says, as Twilio reads it; repeated names become arrays
 * and dotted names stay as they are (`extended: false`).
 */
const readForm = urlencoded({ extended: false, limit: MAX_BODY, parameterLimit: Infinity, type: () => true });

/** A route whose spec takes `application/json` (the Content API) reads its body as JSON, whatever its Content-Type. */
const readJson = json({ limit: MAX_BODY, strict: false, type: () => true });

/** What one request's steps share: where it goes, its parameters, its log entry, and whether it came in over the cap. */
interface TwilioCall {
  method: string;
  pathname: string;
  domain: string;
  path: string;
  query: RawParams;
  entry: LoggedRequest;
  overLimit: boolean;
}

/**
 * The Twilio side of the server, as middleware on express's router: request log, form body, fault injection, auth,
 * the spec check, then the route handler; any other path gets the same steps and Twilio's 404. Everything after the
 * last await (latency) runs synchronously, so a handler's reads and writes never interleave with another request's.
 */
export class TwilioGateway {
  private inFlight = 0;
  private readonly calls = new WeakMap<IncomingMessage, TwilioCall>();

  constructor(private readonly deps: GatewayDependencies) {}

  router(): Router.Router {
    const router = new Router({ caseSensitive: true });
    // One router per Twilio domain (`/flex-api`, `/chat`…): a request is matched against its own domain's routes only.
    for (const [domain, routes] of byDomain(this.deps.routes)) {
      const domainRouter = new Router({ caseSensitive: true });
      // Literal segments win over parameters (`/Services/:Sid` never swallows a literal sibling): the routes with
      // more literal segments are tried first.
      for (const route of mostSpecificFirst(routes)) {
        const below = route.pattern.slice(domain.length + 1);
        domainRouter[METHODS[route.method]](below, [...this.steps(route.pattern, route.body), this.dispatch(route)]);
      }
      router.use(`/${domain}`, domainRouter);
    }
    const unknownPath = new Router().use([
      ...this.steps(),
      (request: IncomingMessage) => {
        throw notFound(this.callOf(request).path);
      },
    ]);
    router.use(unknownPath);
    // A path parameter that does not URL-decode (the router refuses it before any step ran) names no resource: the
    // steps and Twilio's 404, as for any unknown path.
    const undecodable: ErrorRequestHandler = (error, request, response, next) => {
      if (error instanceof URIError && !this.calls.has(request)) unknownPath(request, response, next);
      else next(error);
    };
    router.use(undecodable);
    router.use(this.answerError);
    return router;
  }

  private steps(pattern?: string, body: Route['body'] = 'form'): RequestHandler[] {
    return [this.track(pattern), body === 'json' ? readJson : readForm, this.injectFaults, twilioAuth(this.deps.ref), this.ownAccountOnly];
  }

  /** Logs the request under its endpoint and counts it in flight until its connection closes. */
  private track(pattern: string | undefined): RequestHandler {
    return (request, response, next) => {
      const method = request.method ?? 'GET';
      // `originalUrl`: inside a domain's router, `url` no longer starts with the domain.
      const { pathname, search } = requestTarget(request.originalUrl);
      const { domain, path } = twilioPath(pathname);
      const entry = this.deps.log.start({ method, domain, path, endpoint: `${method} ${pattern ?? pathname}` });
      const limit = this.deps.faults.concurrencyLimit;
      // Repeated names as arrays, and no cap on how many (Node's parser stops at 1,000 by default).
      const query = parse(search, '&', '=', { maxKeys: 0 }) as RawParams;
      this.calls.set(request, { method, pathname, domain, path, query, entry, overLimit: limit !== undefined && this.inFlight >= limit });
      this.inFlight++;
      response.once('close', () => {
        this.inFlight--;
        this.deps.log.finish(entry, response.headersSent ? response.statusCode : null, { dropped: !response.headersSent });
      });
      next();
    };
  }

  private readonly injectFaults: RequestHandler = async (request, _response, next) => {
    const call = this.callOf(request);
    if (call.overLimit) throw tooManyRequests(CONCURRENCY_RETRY_AFTER_SECONDS);
    const latency = this.deps.faults.latencyFor(call.method, call.pathname);
    if (latency > 0) await sleep(latency);
    const outcome = this.deps.faults.decide(call.method, call.pathname);
    if (outcome.kind === 'drop') {
      this.deps.log.finish(call.entry, null, { dropped: true });
      request.socket.destroy();
      return;
    }
    if (outcome.kind === 'error') throw outcome.error;
    next();
  };

  /** Credentials open only their own account: another account's SID in the path (API 2010) fails authentication. */
  private readonly ownAccountOnly: RequestHandler = (request, _response, next) => {
    const accountSid = request.params.AccountSid as string | undefined;
    if (accountSid !== undefined && accountSid !== this.deps.ref.current.account.accountSid) {
      throw ACCOUNT_SID.test(accountSid) ? authenticate() : notFound(this.callOf(request).path);
    }
    next();
  };

  private dispatch(route: Route): RequestHandler {
    return (request, response) => {
      const call = this.callOf(request);
      const body = (request as { body?: unknown }).body;
      const jsonBody = route.body === 'json' && call.method === 'POST' ? (body ?? {}) : undefined;
      const params = call.method === 'POST' ? (jsonBody === undefined ? ((body as RawParams | undefined) ?? {}) : {}) : call.query;
      this.checkAgainstSpec(call, params, jsonBody);
      const result = route.handler({
        method: call.method,
        domain: call.domain,
        path: call.path,
        // Only a `*` pattern yields a list of segments, and no Twilio route has one.
        pathParams: request.params as Record<string, string>,
        params: new Params(params),
        json: jsonBody,
        query: new Params(call.query),
        headers: request.headers,
        baseUrl: `http://${request.headers.host ?? 'localhost'}`,
      });
      this.reply(request, response, result.status, result.body);
    };
  }

  private checkAgainstSpec(call: TwilioCall, params: RawParams, jsonBody: unknown): void {
    if (!this.deps.checkRequest) return;
    const problem = this.deps.checkRequest(call.domain, call.method, call.path, params, jsonBody).problems[0];
    if (!problem) return;
    if (problem.problem === 'invalid') throw invalidParameter(problem.param, problem.reason);
    throw problem.problem === 'missing' ? missingParameter(problem.param) : unknownParameter(problem.param);
  }

  // Four parameters, or the router takes it for a request handler.
  private readonly answerError: ErrorRequestHandler = (error, request, response, _next) => {
    const twilioError = error instanceof TwilioError ? error : (unreadableBody(error) ?? unexpected(error));
    this.reply(request, response, twilioError.status, twilioError.toBody(), twilioError);
  };

  /** Answers, and logs the status (and for an error, Twilio's code) the request finished with. */
  private reply(request: IncomingMessage, response: ServerResponse, status: number, body: unknown, error?: TwilioError): void {
    sendJson(response, status, body, error?.headers);
    const call = this.calls.get(request);
    if (call) this.deps.log.finish(call.entry, status, { code: error?.code });
  }

  private callOf(request: IncomingMessage): TwilioCall {
    return this.calls.get(request) as TwilioCall;
  }
}

const METHODS = { GET: 'get', POST: 'post', DELETE: 'delete' } as const;

function byDomain(routes: Route[]): Map<string, Route[]> {
  const domains = new Map<string, Route[]>();
  for (const route of routes) {
    const { domain } = twilioPath(route.pattern);
    domains.set(domain, [...(domains.get(domain) ?? []), route]);
  }
  return domains;
}

function mostSpecificFirst(routes: Route[]): Route[] {
  const literals = (route: Route) => route.pattern.split('/').filter((segment) => segment && !segment.startsWith(':')).length;
  return [...routes].sort((a, b) => literals(b) - literals(a));
}

/** A JSON body that does not parse: the request's fault, a 400. */
function unreadableBody(error: unknown): TwilioError | undefined {
  if ((error as { type?: string }).type !== 'entity.parse.failed') return undefined;
  return new TwilioError(400, 20001, 'Invalid request body: not valid JSON');
}

function unexpected(error: unknown): TwilioError {
  console.error('[twilio-sandbox] unexpected error', error);
  return internalError();
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
