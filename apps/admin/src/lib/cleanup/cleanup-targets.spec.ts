import { describe, expect, it } from '@jest/globals';
import { CONVERSATION_CLEANUP, PROXY_SESSION_CLEANUP, cleanupTargetsFor, countOf } from './cleanup-targets';

describe('cleanupTargetsFor', () => {
  it('offers what the deployment’s numbers use', () => {
    expect(cleanupTargetsFor('chat-proxy')).toEqual([PROXY_SESSION_CLEANUP]);
    expect(cleanupTargetsFor('conversations')).toEqual([CONVERSATION_CLEANUP]);
    expect(cleanupTargetsFor('mixed')).toEqual([PROXY_SESSION_CLEANUP, CONVERSATION_CLEANUP]);
  });

  it('offers Proxy sessions when the API does not say (an API older than the mode)', () => {
    expect(cleanupTargetsFor(undefined)).toEqual([PROXY_SESSION_CLEANUP]);
  });
});

describe('request bodies, in each route’s words', () => {
  const selection = { statuses: ['inactive'], olderThanHours: 24, number: '+15550100001' };

  it('Proxy sessions: statuses; the channel option only on the job', () => {
    expect(PROXY_SESSION_CLEANUP.requestBody(selection, { dryRun: true, optionOn: true })).toEqual({
      statuses: ['inactive'],
      olderThanHours: 24,
      number: '+15550100001',
      dryRun: true,
    });
    expect(PROXY_SESSION_CLEANUP.requestBody(selection, { dryRun: false, optionOn: false })).toEqual({
      statuses: ['inactive'],
      olderThanHours: 24,
      number: '+15550100001',
      markChannelInactive: false,
    });
  });

  it('conversations: states; keepWithOpenTask on the dry run too, since it changes what is found', () => {
    expect(CONVERSATION_CLEANUP.requestBody(selection, { dryRun: true, optionOn: true })).toEqual({
      states: ['inactive'],
      olderThanHours: 24,
      number: '+15550100001',
      dryRun: true,
      keepWithOpenTask: true,
    });
    expect(CONVERSATION_CLEANUP.requestBody({ number: '+15550100001' }, { dryRun: false, optionOn: false })).toEqual({
      number: '+15550100001',
      keepWithOpenTask: false,
    });
  });
});

describe('countOf', () => {
  it('names the items of every kind of job', () => {
    expect(countOf('proxy-sessions', 1)).toBe('1 session');
    expect(countOf('conversations', 25)).toBe('25 conversations');
    expect(countOf('long-lived-channels', 0)).toBe('0 channels');
  });
});
