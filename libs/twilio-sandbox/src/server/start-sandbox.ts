import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemClock, type Clock } from '../core/clock';
import type { SandboxState, StateRef } from '../core/state';
import { restoreState, snapshotState } from '../core/state-snapshot';
import { CONTROLS_PREFIX, SandboxControlsHandler } from '../controls/controls';
import { FaultInjector } from '../faults/fault-injector';
import { RequestLog } from '../faults/request-log';
import { Router } from '../http/router';
import { seedDemoAccount, type DemoAccount } from '../seed/demo-account';
import type { RequestChecker } from '../spec';
import { defaultRequestChecker } from './default-checker';
import { twilioRoutes } from './routes';
import { StateFile } from './state-file';
import { TwilioGateway } from './twilio-gateway';

export interface SandboxOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Checks each request's parameters against the spec before dispatching (unknown/missing → 400 20001). */
  checkRequest?: RequestChecker;
  /** Without `checkRequest`: use the OpenAPI catalog's checker when it is available (default true). */
  validateRequests?: boolean;
  clock?: Clock;
  /**
   * A folder to keep the account's state in (`state.json`): loaded on start, saved shortly after each change and on
   * close, so resources, SIDs and handset messages outlive a restart. Unset or `memory://`: in memory only, a fresh
   * demo account on every start.
   */
  dataDir?: string;
}

/** `dataDir` that keeps nothing on disk. */
export const IN_MEMORY = 'memory://';

export interface RunningSandbox {
  /** e.g. `http://127.0.0.1:3100`: Twilio paths live at `<url>/<domain>/<path>`. */
  url: string;
  account: DemoAccount;
  close(): Promise<void>;
}

/** Starts the sandbox: a Twilio look-alike HTTP server on a seeded demo Flex account. */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const clock = options.clock ?? systemClock;
  const dataDir = options.dataDir && options.dataDir !== IN_MEMORY ? options.dataDir : undefined;
  const saved = dataDir ? StateFile.load<DemoAccount>(dataDir) : undefined;
  const initial: { state: SandboxState; account: DemoAccount } = saved ? restoreState(saved, clock) : seedDemoAccount(clock);
  const ref: StateRef = { current: initial.state };
  let account = initial.account;
  const stateFile = dataDir ? new StateFile(dataDir, () => snapshotState(ref.current, account)) : undefined;
  const faults = new FaultInjector();
  const log = new RequestLog();
  const checkRequest = options.checkRequest ?? (options.validateRequests === false ? undefined : defaultRequestChecker());
  const gateway = new TwilioGateway({ ref, router: new Router(twilioRoutes(ref)), faults, log, checkRequest });
  const controls = new SandboxControlsHandler({
    ref,
    faults,
    log,
    account: () => account,
    reset: () => {
      const fresh = seedDemoAccount(clock);
      ref.current = fresh.state;
      account = fresh.account;
      stateFile?.save();
    },
  });

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://sandbox.invalid');
    const handler = url.pathname.startsWith(CONTROLS_PREFIX) ? controls : gateway;
    handler
      .handle(request, response, url)
      .catch((error: unknown) => {
        console.error('[twilio-sandbox] request failed', error);
        if (!response.headersSent) response.writeHead(500).end();
      })
      // Reads leave the state as it was (conversation timers are settled from saved dates again after a restart).
      .finally(() => {
        if (request.method !== 'GET') stateFile?.changed();
      });
  });
  // The SDK keeps connections alive; keep them a little longer than its agent does so none is cut mid-request.
  server.keepAliveTimeout = 65_000;

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}`,
    get account() {
      return account;
    },
    close: async () => {
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      stateFile?.save();
    },
  };
}
