import { json } from 'body-parser';
import type { ServerResponse } from 'node:http';
import Router, { type ErrorRequestHandler, type Request } from 'router';
import type { StateRef } from '../core/state';
import { validateFaultConfig, type FaultConfig } from '../faults/fault-config';
import type { FaultInjector } from '../faults/fault-injector';
import type { RequestLog } from '../faults/request-log';
import { sendJson } from '../http/respond';
import { requestTarget } from '../http/route';
import { TwilioError, notFound } from '../http/twilio-error';
import { receiveInboundSms } from '../messaging/inbound-sms';
import { seedProxySessions, seedFlexFlows } from '../seed/bulk-seed';
import type { DemoAccount } from '../seed/demo-account';
import type { CallbackDispatcher } from '../callbacks/callback-dispatcher';
import type { DeliverySettings } from '../messaging/delivery/delivery-runtime';
import { handsetThread, listHandsets, setHandsetFate, setWhatsAppWindow, type HandsetFateRequest, type WhatsAppWindowRequest } from './handset';
import { liveResources } from './live-resources';
import { phoneOf } from '../messaging/channel-address';
import { windowsOfHandset } from '../messaging/whatsapp-window';
import { decideWhatsAppApproval } from '../products/content/content.service';

export const CONTROLS_PATH = '/_sandbox';

export interface ControlsDependencies {
  ref: StateRef;
  faults: FaultInjector;
  log: RequestLog;
  account: () => DemoAccount;
  reset: () => void;
  /** The delivery runtime's settings (changed in place: the next step uses them). */
  delivery: DeliverySettings;
  callbacks: CallbackDispatcher;
}

/** The sandbox's account flags a test may turn on, as Twilio Support would. */
export interface AccountFlags {
  /** `ProxyRespectSmsStopFilterFlag`: Proxy's relayed SMS honour opt-outs (21610). Off on Twilio by default. */
  proxyRespectSmsStopFilter: boolean;
}

/** A control reads the request (its JSON body parsed) and says what to answer. */
type Control = (request: Request & { body?: unknown }) => { status?: number; body: unknown };

/**
 * `/_sandbox/*`: controls of the sandbox itself for tests and tools, with JSON bodies. No auth (they are not
 * Twilio's) and no faults; they are never logged as Twilio requests. Errors still come in Twilio's error body.
 */
export function sandboxControls(deps: ControlsDependencies): Router.Router {
  const state = () => deps.ref.current;
  const router = new Router({ caseSensitive: true });
  router.use(json({ type: () => true, strict: false }));
  const accountFlags = (): AccountFlags => ({ proxyRespectSmsStopFilter: state().proxy.respectSmsStopFilter });
  const control = (handler: Control) => (request: Request, response: ServerResponse) => {
    const result = handler(request);
    sendJson(response, result.status ?? 200, result.body);
  };

  router.get(
    '/account',
    control(() => ({ body: deps.account() })),
  );
  router.post(
    '/reset',
    control(() => {
      deps.reset();
      return { body: { reset: true, account: deps.account() } };
    }),
  );
  router.get(
    '/faults',
    control(() => ({ body: deps.faults.get() })),
  );
  router.put(
    '/faults',
    control(({ body }) => {
      const problems = validateFaultConfig(body);
      if (problems.length) throw new TwilioError(400, 20001, `Invalid fault configuration: ${problems.join('; ')}`);
      deps.faults.set(body as FaultConfig);
      return { body: deps.faults.get() };
    }),
  );
  router.delete(
    '/faults',
    control(() => {
      deps.faults.clear();
      return { status: 204, body: undefined };
    }),
  );
  router.get(
    '/requests',
    control(() => ({ body: deps.log.snapshot() })),
  );
  router.delete(
    '/requests',
    control(() => {
      deps.log.clear();
      return { status: 204, body: undefined };
    }),
  );
  router.get(
    '/resources',
    control(() => ({ body: { resources: liveResources(state()) } })),
  );
  router.get(
    '/handset',
    control(() => ({ body: { handsets: listHandsets(state()) } })),
  );
  router.post(
    '/handset/inbound',
    control(({ body }) => {
      const input = body as { from?: unknown; to?: unknown; body?: unknown } | undefined;
      if (typeof input?.from !== 'string' || typeof input.to !== 'string' || typeof input.body !== 'string') {
        throw new TwilioError(400, 20001, 'from, to and body are required strings');
      }
      return { status: 201, body: receiveInboundSms(state(), { from: input.from, to: input.to, body: input.body }) };
    }),
  );
  router.get(
    '/handset/:number',
    control(({ params }) => {
      const number = params.number as string;
      return { body: { number, messages: handsetThread(state(), number) } };
    }),
  );
  router.put(
    '/handset/:number/fate',
    control(({ params, body }) => ({ body: setHandsetFate(state(), params.number as string, (body ?? {}) as HandsetFateRequest) })),
  );
  router.delete(
    '/handset/:number/fate',
    control(({ params }) => {
      state().handsets.fates.delete(phoneOf(params.number as string));
      return { status: 204, body: undefined };
    }),
  );
  router.get(
    '/handset/:number/whatsapp-windows',
    control(({ params }) => {
      const number = phoneOf(params.number as string);
      return { body: { number, windows: windowsOfHandset(state(), number) } };
    }),
  );
  router.put(
    '/handset/:number/whatsapp-window',
    control(({ params, body }) => ({
      body: setWhatsAppWindow(state(), params.number as string, (body ?? {}) as WhatsAppWindowRequest),
    })),
  );
  router.put(
    '/content/:sid/approval',
    control(({ params, body }) => {
      const template = state().content.contents.get(params.sid as string);
      if (!template) throw notFound(`/_sandbox/content/${params.sid as string}/approval`);
      const decision = (body ?? {}) as { status?: unknown; rejectionReason?: unknown };
      const { whatsapp } = decideWhatsAppApproval(state(), template, { status: decision.status, rejectionReason: decision.rejectionReason });
      return { body: { contentSid: template.sid, ...whatsapp } };
    }),
  );
  router.get(
    '/delivery',
    control(() => ({ body: { ...deps.delivery } })),
  );
  router.put(
    '/delivery',
    control(({ body }) => {
      const stepDelayMs = (body as { stepDelayMs?: unknown } | undefined)?.stepDelayMs;
      if (typeof stepDelayMs !== 'number' || !Number.isInteger(stepDelayMs) || stepDelayMs < 0) {
        throw new TwilioError(400, 20001, 'stepDelayMs must be a whole number of milliseconds, 0 or more');
      }
      deps.delivery.stepDelayMs = stepDelayMs;
      return { body: { ...deps.delivery } };
    }),
  );
  router.get(
    '/callbacks',
    control(() => ({ body: { callbacks: deps.callbacks.snapshot() } })),
  );
  router.delete(
    '/callbacks',
    control(() => {
      deps.callbacks.clearLog();
      return { status: 204, body: undefined };
    }),
  );
  router.get(
    '/account-flags',
    control(() => ({ body: accountFlags() })),
  );
  router.put(
    '/account-flags',
    control(({ body }) => {
      const value = (body as { proxyRespectSmsStopFilter?: unknown } | undefined)?.proxyRespectSmsStopFilter;
      if (typeof value !== 'boolean') throw new TwilioError(400, 20001, 'proxyRespectSmsStopFilter must be a boolean');
      state().proxy.respectSmsStopFilter = value;
      return { body: accountFlags() };
    }),
  );
  router.post(
    '/seed/proxy-sessions',
    control(({ body }) => {
      const sessionSids = seedProxySessions(state(), (body ?? {}) as { count: unknown; status?: unknown });
      return { status: 201, body: { created: sessionSids.length, sessionSids } };
    }),
  );
  router.post(
    '/seed/flex-flows',
    control(({ body }) => {
      const flexFlowSids = seedFlexFlows(state(), (body ?? {}) as { count: unknown });
      return { status: 201, body: { created: flexFlowSids.length, flexFlowSids } };
    }),
  );
  router.use((request: Request) => {
    throw notFound(requestTarget(request.originalUrl).pathname);
  });
  router.use(answerError);
  return router;
}

const answerError: ErrorRequestHandler = (error, _request, response, _next) => {
  const twilioError = controlError(error);
  sendJson(response, twilioError.status, twilioError.toBody());
};

function controlError(error: unknown): TwilioError {
  if (error instanceof TwilioError) return error;
  if ((error as { type?: string }).type === 'entity.parse.failed') return new TwilioError(400, 20001, 'The body must be JSON');
  return new TwilioError(500, 20500, String(error));
}
