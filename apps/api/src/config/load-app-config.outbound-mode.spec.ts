import { problemsOf } from './config.test-helpers';
import { Environment, loadAppConfig } from './load-app-config';

const sandbox: Environment = {};

describe('loadAppConfig: OUTBOUND_MODE and CONVERSATIONS_NUMBERS', () => {
  it('keeps every number on Chat + Proxy by default', () => {
    expect(loadAppConfig(sandbox).outboundModes).toEqual({ defaultMode: 'chat-proxy', conversationsNumbers: [], detect: true });
  });

  it('reads the default mode and the numbers moved to conversations mode (E.164, deduplicated)', () => {
    const config = loadAppConfig({ ...sandbox, OUTBOUND_MODE: 'Conversations', CONVERSATIONS_NUMBERS: ' +15005550006, +15005550007,+15005550006 ' });

    expect(config.outboundModes).toEqual({ defaultMode: 'conversations', conversationsNumbers: ['+15005550006', '+15005550007'] });
  });

  it('still reads the deprecated OUTBOUND_MODE=legacy, as chat-proxy', () => {
    expect(loadAppConfig({ ...sandbox, OUTBOUND_MODE: 'legacy' }).outboundModes).toEqual({ defaultMode: 'chat-proxy', conversationsNumbers: [] });
    expect(loadAppConfig({ ...sandbox, OUTBOUND_MODE: 'Chat-Proxy' }).outboundModes.defaultMode).toBe('chat-proxy');
  });

  it('names an unknown mode and every number that is not E.164', () => {
    expect(problemsOf({ ...sandbox, OUTBOUND_MODE: 'proxy', CONVERSATIONS_NUMBERS: '+15005550006,5005550007,+1 (500) 555-0008' })).toEqual({
      OUTBOUND_MODE: 'must be chat-proxy or conversations, got "proxy"',
      CONVERSATIONS_NUMBERS: 'must be a comma-separated list of E.164 numbers (+15551234567), got "5005550007, +1 (500) 555-0008"',
    });
  });

  describe('with Twilio credentials', () => {
    const account: Environment = {
      TWILIO_ACCOUNT_SID: `AC${'1'.repeat(32)}`,
      TWILIO_AUTH_TOKEN: 'a'.repeat(32),
      TWILIO_CHAT_SERVICE_SID: `IS${'2'.repeat(32)}`,
      BOOTSTRAP_API_KEY: 'a-bootstrap-key-of-a-real-deployment',
    };

    it('needs no Proxy Service when every number uses Flex Conversations (Proxy is closed to new customers)', () => {
      const config = loadAppConfig({ ...account, OUTBOUND_MODE: 'conversations' });
      expect(config.twilio).toMatchObject({ mode: 'twilio', proxyServiceSid: null });
    });

    it('still needs it while any number uses Chat + Proxy', () => {
      expect(problemsOf({ ...account, CONVERSATIONS_NUMBERS: '+15005550006' })).toEqual({
        TWILIO_PROXY_SERVICE_SID: 'is required with Twilio credentials unless OUTBOUND_MODE=conversations (the Proxy Service SID, KS…)',
      });
    });
  });
});
