import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CallbackDispatcher } from '../callbacks/callback-dispatcher';
import { systemClock, type Clock } from '../core/clock';
import type { SandboxState, StateRef } from '../core/state';
import { restoreState, snapshotState } from '../core/state-snapshot';
import { FaultInjector } from '../faults/fault-injector';
import { RequestLog } from '../faults/request-log';
import { DEFAULT_STEP_DELAY_MS, DeliveryRuntime } from '../messaging/delivery/delivery-runtime';
import { seedDemoAccount, type DemoAccount } from '../seed/demo-account';
import type { RequestChecker } from '../spec';
import { defaultRequestChecker } from './default-checker';
import { twilioRoutes } from './routes';
import { createSandboxApp } from './sandbox-app';
import { StateFile } from './state-file';

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
  /**
   * Milliseconds between the steps of an outbound SMS (`queued` → `sent` → `delivered`), and so between its status
   * callbacks. Default 100; 0 moves on as soon as the event loop allows. `/_sandbox/delivery` changes it live.
   */
  deliveryStepMs?: number;
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
  const checkRequest = options.checkRequest ?? (options.validateRequests === false ? undefined : defaultRequestChecker());
  const callbacks = new CallbackDispatcher();
  const faults = new FaultInjector();
  const delivery = new DeliveryRuntime(
    ref,
    callbacks,
    { stepDelayMs: options.deliveryStepMs ?? DEFAULT_STEP_DELAY_MS },
    stateFile && (() => stateFile.changed()),
    () => faults.get(),
  );
  const app = createSandboxApp({
    ref,
    routes: twilioRoutes(ref),
    faults,
    log: new RequestLog(),
    checkRequest,
    account: () => account,
    reset: () => {
      delivery.reset();
      const fresh = seedDemoAccount(clock);
      ref.current = fresh.state;
      account = fresh.account;
      stateFile?.save();
    },
    changed: stateFile && (() => stateFile.changed()),
    flush: () => delivery.flush(),
    delivery: delivery.settings,
    callbacks,
  });

  const server = createServer(app);
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
  delivery.baseUrl = `http://${urlHost}:${port}`;
  // Messages a previous run left on their way go on now.
  delivery.resume();

  return {
    url: `http://${urlHost}:${port}`,
    get account() {
      return account;
    },
    close: async () => {
      delivery.reset();
      callbacks.close();
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      stateFile?.save();
    },
  };
}
