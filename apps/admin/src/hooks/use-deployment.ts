'use client';
// What kind of deployment the console talks to, as the API's readiness report says: on the embedded sandbox or a
// real account, and which Flex products its numbers use. Pages and the navigation show only what applies.
import type { DeploymentOutboundMode } from '../lib/readiness';
import { useReadiness } from './use-health';

export interface Deployment {
  /** False while the first readiness answer is awaited; true once the API answered or failed to. */
  settled: boolean;
  /** Known only once the API answered: undefined while loading, when it is unreachable, or from an older API. */
  onSandbox: boolean | undefined;
  outboundMode: DeploymentOutboundMode | undefined;
}

export function useDeployment(): Deployment {
  const { data, isPending } = useReadiness();
  return {
    settled: !isPending,
    onSandbox: data?.twilio.mode === undefined ? undefined : data.twilio.mode === 'sandbox',
    outboundMode: data?.twilio.outboundMode,
  };
}
