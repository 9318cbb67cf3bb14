import {
  CompletePendingSteps,
  createOutboundSmsDependencies,
  FlexFlowDirectory,
  InitiateAgentSms,
  SendSystemSms,
  TwilioRetrier,
  mathRandom,
  systemClock,
  type OutboundModePolicy,
  type OutboundSmsDependencies,
} from '@flex-sms/domain';
import { InMemoryJournal, InProcessPairLock } from '@flex-sms/domain/testing';
// Test-only: the adapter is verified against the sandbox over HTTP; production code never imports it.
import { SandboxControls, startSandbox, type LoggedRequest, type RunningSandbox } from '@flex-sms/twilio-sandbox';
import type twilio from 'twilio';
import { createTwilioClient } from '../client/twilio-client.factory';
import { createTwilioPorts } from '../twilio-ports.factory';

export interface SandboxWorld {
  sandbox: RunningSandbox;
  controls: SandboxControls;
  client: twilio.Twilio;
  journal: InMemoryJournal;
  deps: OutboundSmsDependencies;
  initiateAgentSms: InitiateAgentSms;
  sendSystemSms: SendSystemSms;
  completePendingSteps: CompletePendingSteps;
}

export async function startSandboxWorld(): Promise<SandboxWorld> {
  const sandbox = await startSandbox({ port: 0 });
  const client = createTwilioClient({
    accountSid: sandbox.account.accountSid,
    authToken: sandbox.account.authToken,
    baseUrl: sandbox.url,
    timeoutMs: 5_000,
  });
  const world = { sandbox, controls: new SandboxControls(sandbox.url), client } as SandboxWorld;
  rebuildUseCases(world);
  return world;
}

/** Fresh journal, lock and (cold) Flex Flow cache; short retry policy so fault tests stay fast. Chat + Proxy unless `outboundModes`. */
/** Before each test: the sandbox back to its seeded account, no faults, an empty request log, fresh use cases. */
export async function resetWorld(world: SandboxWorld, outboundModes?: OutboundModePolicy): Promise<void> {
  await world.controls.reset();
  await world.controls.clearFaults();
  await world.controls.clearRequests();
  rebuildUseCases(world, outboundModes);
}

export function rebuildUseCases(world: SandboxWorld, outboundModes?: OutboundModePolicy): void {
  world.journal = new InMemoryJournal();
  const { accountSid, proxyServiceSid, chatServiceSid } = world.sandbox.account;
  const ports = createTwilioPorts(world.client, { accountSid, proxyServiceSid, chatServiceSid });
  const retrier = new TwilioRetrier(systemClock, mathRandom, { maxAttempts: 4, baseDelayMs: 20, maxDelayMs: 100, budgetMs: 3_000 });
  world.deps = createOutboundSmsDependencies({
    ports,
    flexFlowDirectory: new FlexFlowDirectory(ports.flexFlows, systemClock, retrier),
    retrier,
    journal: world.journal,
    pairLock: new InProcessPairLock(),
    outboundModes,
  });
  world.initiateAgentSms = new InitiateAgentSms(world.deps);
  world.sendSystemSms = new SendSystemSms(world.deps);
  world.completePendingSteps = new CompletePendingSteps(world.deps);
}

/** Sequential round trips in a request log: the longest chain of requests each starting after the previous ended. */
export function sequentialRoundTrips(requests: readonly LoggedRequest[]): number {
  const depth = new Map<number, number>();
  const ordered = [...requests].sort((a, b) => a.startedAt - b.startedAt);
  for (const request of ordered) {
    const before = ordered.filter((other) => other.finishedAt !== null && other.finishedAt <= request.startedAt);
    depth.set(request.id, 1 + Math.max(0, ...before.map((other) => depth.get(other.id) ?? 0)));
  }
  return Math.max(0, ...depth.values());
}
