import { ProxyServiceNotConfigured } from '@flex-sms/domain';
import { createTwilioAccountPorts } from './twilio-account-ports.factory';
import { createTwilioClient } from './client/twilio-client.factory';
import { createTwilioPorts } from './twilio-ports.factory';

const client = createTwilioClient({ accountSid: `AC${'0'.repeat(32)}`, authToken: 'token', baseUrl: 'http://127.0.0.1:9' });

describe('port factories', () => {
  it('refuse every Proxy call with a clear error when the deployment has no Proxy Service (Conversations only)', async () => {
    const ports = createTwilioPorts(client, { proxyServiceSid: null });
    const accountPorts = createTwilioAccountPorts(client, { accountSid: `AC${'0'.repeat(32)}`, proxyServiceSid: null });

    await expect(ports.proxySessions.createSession({ uniqueName: 'CH1', mode: 'message-only', participants: [] })).rejects.toBeInstanceOf(ProxyServiceNotConfigured);
    await expect(accountPorts.proxyService.listSessions({ pageSize: 50 })).rejects.toMatchObject({ code: 'PROXY_SERVICE_NOT_CONFIGURED' });
    await expect(accountPorts.proxySessions.fetchSession('KC1')).rejects.toBeInstanceOf(ProxyServiceNotConfigured);
  });

  it('fail at start-up on a malformed Proxy Service SID', () => {
    expect(() => createTwilioPorts(client, { proxyServiceSid: 'KS-not-a-sid' })).toThrow("proxyServiceSid must be a KS… SID, got 'KS-not-a-sid'");
  });
});
