import { ProxyServiceNotConfigured, type ProxyServicePort, type ProxySessionPort } from '@flex-sms/domain';

const refuse = async (): Promise<never> => {
  throw new ProxyServiceNotConfigured();
};

/**
 * The Proxy ports of a deployment without a Proxy Service (every number on Flex Conversations): any call is refused
 * with a clear error rather than a Twilio 404 on a made-up service, and nothing else needs to know.
 */
export const unconfiguredProxy: ProxyServicePort & ProxySessionPort = {
  fetchService: refuse,
  listPoolNumbers: refuse,
  listSessions: refuse,
  fetchSession: refuse,
  createSession: refuse,
  closeSession: refuse,
  removeSession: refuse,
  listParticipants: refuse,
};
