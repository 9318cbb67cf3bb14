import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StateRef } from '../core/state';
import { validateFaultConfig, type FaultConfig } from '../faults/fault-config';
import type { FaultInjector } from '../faults/fault-injector';
import type { RequestLog } from '../faults/request-log';
import { readBody } from '../http/body';
import { sendJson } from '../http/respond';
import { TwilioError, notFound } from '../http/twilio-error';
import { receiveInboundSms } from '../messaging/inbound-sms';
import { seedProxySessions, seedFlexFlows } from '../seed/bulk-seed';
import type { DemoAccount } from '../seed/demo-account';
import { handsetThread, listHandsets } from './handset';

export const CONTROLS_PREFIX = '/_sandbox/';

export interface ControlsDependencies {
  ref: StateRef;
  faults: FaultInjector;
  log: RequestLog;
  account: () => DemoAccount;
  reset: () => void;
}

type ControlHandler = (body: unknown, params: Record<string, string>) => { status?: number; body: unknown };

/**
 * `/_sandbox/*`: controls of the sandbox itself for tests and tools. No auth (they are not Twilio's) and no faults;
 * they are never logged as Twilio requests.
 */
export class SandboxControlsHandler {
  private readonly routes: Array<{ method: string; pattern: RegExp; names: string[]; handler: ControlHandler }> = [];

  constructor(private readonly deps: ControlsDependencies) {
    const state = () => deps.ref.current;
    this.add('GET', '/_sandbox/account', () => ({ body: deps.account() }));
    this.add('POST', '/_sandbox/reset', () => {
      deps.reset();
      return { body: { reset: true, account: deps.account() } };
    });
    this.add('GET', '/_sandbox/faults', () => ({ body: deps.faults.get() }));
    this.add('PUT', '/_sandbox/faults', (body) => {
      const problems = validateFaultConfig(body);
      if (problems.length) throw new TwilioError(400, 20001, `Invalid fault configuration: ${problems.join('; ')}`);
      deps.faults.set(body as FaultConfig);
      return { body: deps.faults.get() };
    });
    this.add('DELETE', '/_sandbox/faults', () => {
      deps.faults.clear();
      return { status: 204, body: undefined };
    });
    this.add('GET', '/_sandbox/requests', () => ({ body: deps.log.snapshot() }));
    this.add('DELETE', '/_sandbox/requests', () => {
      deps.log.clear();
      return { status: 204, body: undefined };
    });
    this.add('GET', '/_sandbox/handset', () => ({ body: { handsets: listHandsets(state()) } }));
    this.add('POST', '/_sandbox/handset/inbound', (body) => {
      const input = body as { from?: unknown; to?: unknown; body?: unknown };
      if (typeof input?.from !== 'string' || typeof input.to !== 'string' || typeof input.body !== 'string') {
        throw new TwilioError(400, 20001, 'from, to and body are required strings');
      }
      return { status: 201, body: receiveInboundSms(state(), { from: input.from, to: input.to, body: input.body }) };
    });
    this.add('GET', '/_sandbox/handset/:number', (_body, params) => ({
      body: { number: params.number, messages: handsetThread(state(), params.number) },
    }));
    this.add('POST', '/_sandbox/seed/proxy-sessions', (body) => {
      const sessionSids = seedProxySessions(state(), (body ?? {}) as { count: unknown; status?: unknown });
      return { status: 201, body: { created: sessionSids.length, sessionSids } };
    });
    this.add('POST', '/_sandbox/seed/flex-flows', (body) => {
      const flexFlowSids = seedFlexFlows(state(), (body ?? {}) as { count: unknown });
      return { status: 201, body: { created: flexFlowSids.length, flexFlowSids } };
    });
  }

  async handle(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    try {
      const method = (request.method ?? 'GET').toUpperCase();
      const text = await readBody(request);
      const route = this.routes.find((candidate) => candidate.method === method && candidate.pattern.test(url.pathname));
      if (!route) throw notFound(url.pathname);
      const values = route.pattern.exec(url.pathname)?.slice(1) ?? [];
      const params = Object.fromEntries(route.names.map((name, index) => [name, decodeURIComponent(values[index])]));
      const result = route.handler(parseJson(text), params);
      sendJson(response, result.status ?? 200, result.body);
    } catch (error) {
      const twilioError = error instanceof TwilioError ? error : new TwilioError(500, 20500, String(error));
      sendJson(response, twilioError.status, twilioError.toBody());
    }
  }

  private add(method: string, path: string, handler: ControlHandler): void {
    const names: string[] = [];
    const source = path.replace(/:(\w+)/g, (_match, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    this.routes.push({ method, pattern: new RegExp(`^${source}/?$`), names, handler });
  }
}

function parseJson(text: string): unknown {
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new TwilioError(400, 20001, 'The body must be JSON');
  }
}
