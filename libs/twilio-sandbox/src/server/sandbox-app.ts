import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import Router, { type RequestHandler } from 'router';
import { CONTROLS_PATH, sandboxControls, type ControlsDependencies } from '../controls/controls';
import { TwilioGateway, type GatewayDependencies } from './twilio-gateway';

export interface SandboxAppDependencies extends GatewayDependencies, ControlsDependencies {
  /** Called after each request that may have changed the state (anything but GET), once its answer is out. */
  changed?: () => void;
  /** Called after each request once its answer is out: runs what its handler set off (SMS delivery, callbacks). */
  flush?: () => void;
}

/**
 * The sandbox's HTTP handler: `/_sandbox/*` controls, and Twilio's REST API for every other path. Express's router
 * and body parsers without an express app: the app swaps the prototypes of every request and response, which made
 * each request several times costlier to handle than everything else the router does.
 */
export function createSandboxApp(deps: SandboxAppDependencies): RequestListener {
  const app = new Router();
  if (deps.flush) app.use(afterAnswer(deps.flush));
  if (deps.changed) app.use(afterChanges(deps.changed));
  app.use(CONTROLS_PATH, sandboxControls(deps));
  app.use(new TwilioGateway(deps).router());
  return (request, response) => app(request, response, (error?: unknown) => lastResort(error, request, response));
}

function afterAnswer(flush: () => void): RequestHandler {
  return (_request, response, next) => {
    response.once('close', flush);
    next();
  };
}

function afterChanges(changed: () => void): RequestHandler {
  return (request, response, next) => {
    // Reads leave the state as it was (conversation timers are settled from saved dates again after a restart).
    if (request.method !== 'GET') response.once('close', changed);
    next();
  };
}

/** Only a fault of the sandbox itself gets here: the gateway answers every path. */
function lastResort(error: unknown, _request: IncomingMessage, response: ServerResponse): void {
  console.error('[twilio-sandbox] request failed', error);
  if (!response.headersSent) response.writeHead(500).end();
}
