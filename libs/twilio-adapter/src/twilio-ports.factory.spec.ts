import { ProxyServiceNotConfigured } from '@flex-sms/domain';
import { createTwilioClient } from './client/twilio-client.factory';
import { createTwilioPorts } from './twilio-ports.factory';

const accountSid = `AC${'0'.repeat(32)}`;
const client = createTwilioClient({ accountSid, authToken: 'token', baseUrl: 'http://127.0.0.1:9' });

describe('createTwilioPorts', () => {
  it('refuses every Proxy call with a clear error when the deployment has no Proxy Service (Conversations only)', async () => {
    const ports = createTwilioPorts(client, { accountSid, proxyServiceSid: null });

    await expect(ports.proxySessions.createSession({ uniqueName: 'CH1', mode: 'message-only', participants: [] })).rejects.toBeInstanceOf(
      ProxyServiceNotConfigured,
    );
    await expect(ports.proxyService.listSessions({ pageSize: 50 })).rejects.toMatchObject({ code: 'PROXY_SERVICE_NOT_CONFIGURED' });
    await expect(ports.proxySessions.fetchSession('KC1')).rejects.toBeInstanceOf(ProxyServiceNotConfigured);
  });

  it('fails at start-up on a malformed Proxy Service SID', () => {
    const malformed = { accountSid, proxyServiceSid: 'KS-not-a-sid' };
    expect(() => createTwilioPorts(client, malformed)).toThrow("proxyServiceSid must be a KS… SID, got 'KS-not-a-sid'");
  });
});
