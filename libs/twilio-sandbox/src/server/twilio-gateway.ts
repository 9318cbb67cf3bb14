import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StateRef } from '../core/state';
import type { FaultInjector } from '../faults/fault-injector';
import type { LoggedRequest, RequestLog } from '../faults/request-log';
import { isAuthorized } from '../http/auth';
import { readBody } from '../http/body';
import { Params, parseForm, type RawParams } from '../http/params';
import { sendJson } from '../http/respond';
import type { TwilioRequest, TwilioResponse } from '../http/route';
import type { Router } from '../http/router';
import { TwilioError, authenticate, internalError, invalidParameter, missingParameter, notFound, tooManyRequests, unknownParameter } from '../http/twilio-error';
import type { RequestChecker } from '../spec';

export interface GatewayDependencies {
  ref: StateRef;
  router: Router;
  faults: FaultInjector;
  log: RequestLog;
  checkRequest?: RequestChecker;
}

/** Retry-After of the account concurrency limit's 429. */
const CONCURRENCY_RETRY_AFTER_SECONDS = 1;

/**
 * The Twilio side of the server: fault injection, auth, parsing, the spec check, then the route handler. Everything
 * after the last await (latency) runs synchronously, so a handler's reads and writes never interleave with another
 * request's.
 */
export class TwilioGateway {
  private inFlight = 0;

  constructor(private readonly deps: GatewayDependencies) {}

  /** Requests of the account being handled right now. */
  get requestsInFlight(): number {
    return this.inFlight;
  }

  async handle(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const method = (request.method ?? 'GET').toUpperCase();
    const [domain = '', ...rest] = url.pathname.split('/').filter(Boolean);
    const path = `/${rest.join('/')}`;
    const match = this.deps.router.match(method, url.pathname);
    const entry = this.deps.log.start({ method, domain, path, endpoint: `${method} ${match?.route.pattern ?? url.pathname}` });
    const limit = this.deps.faults.concurrencyLimit;
    const overLimit = limit !== undefined && this.inFlight >= limit;
    this.inFlight++;
    let released = false;
    response.on('close', () => {
      if (!released) {
        released = true;
        this.inFlight--;
      }
      this.deps.log.finish(entry, response.headersSent ? response.statusCode : null, { dropped: !response.headersSent });
    });
    try {
      const body = await readBody(request);
      if (overLimit) throw tooManyRequests(CONCURRENCY_RETRY_AFTER_SECONDS);
      const latency = this.deps.faults.latencyFor(method, url.pathname);
      if (latency > 0) await sleep(latency);
      const outcome = this.deps.faults.decide(method, url.pathname);
      if (outcome.kind === 'drop') {
        this.deps.log.finish(entry, null, { dropped: true });
        request.socket.destroy();
        return;
      }
      if (outcome.kind === 'error') throw outcome.error;
      const result = this.dispatch(request, url, { method, domain, path, body, match });
      this.reply(response, entry, result.status, result.body);
    } catch (error) {
      const twilioError = error instanceof TwilioError ? error : unexpected(error);
      this.reply(response, entry, twilioError.status, twilioError.toBody(), twilioError.headers, twilioError.code);
    }
  }

  private dispatch(
    request: IncomingMessage,
    url: URL,
    call: { method: string; domain: string; path: string; body: string; match: ReturnType<Router['match']> },
  ): TwilioResponse {
    const state = this.deps.ref.current;
    if (!isAuthorized(request.headers.authorization, state.account)) throw authenticate();
    if (!call.match) throw notFound(call.path);
    const accountSid = call.match.pathParams.AccountSid;
    // Credentials only open their own account: another account's SID in the path fails authentication.
    if (accountSid !== undefined && accountSid !== state.account.accountSid) {
      throw /^AC[0-9a-fA-F]{32}$/.test(accountSid) ? authenticate() : notFound(call.path);
    }
    const query = parseForm(url.search.slice(1));
    const form = call.method === 'POST' ? parseForm(call.body) : {};
    const params = call.method === 'POST' ? form : query;
    this.checkAgainstSpec(call.domain, call.method, call.path, params);
    const twilioRequest: TwilioRequest = {
      method: call.method,
      domain: call.domain,
      path: call.path,
      pathParams: call.match.pathParams,
      params: new Params(params),
      query: new Params(query),
      headers: request.headers,
      baseUrl: `http://${request.headers.host ?? 'localhost'}`,
    };
    return call.match.route.handler(twilioRequest);
  }

  private checkAgainstSpec(domain: string, method: string, path: string, params: RawParams): void {
    if (!this.deps.checkRequest) return;
    const check = this.deps.checkRequest(domain, method, path, params);
    const problem = check.problems[0];
    if (!problem) return;
    if (problem.problem === 'invalid') throw invalidParameter(problem.param, problem.reason);
    throw problem.problem === 'missing' ? missingParameter(problem.param) : unknownParameter(problem.param);
  }

  private reply(response: ServerResponse, entry: LoggedRequest, status: number, body: unknown, headers: Record<string, string> = {}, code?: number): void {
    sendJson(response, status, body, headers);
    this.deps.log.finish(entry, status, { code });
  }
}

function unexpected(error: unknown): TwilioError {
  console.error('[twilio-sandbox] unexpected error', error);
  return internalError();
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
