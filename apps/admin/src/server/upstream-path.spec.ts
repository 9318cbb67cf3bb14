import { describe, expect, it } from '@jest/globals';
import { resolveUpstreamPath } from './upstream-path';

describe('resolveUpstreamPath', () => {
  it('maps versioned resources under the API prefix and health checks to the root', () => {
    expect(resolveUpstreamPath(['v1', 'flex-flows', 'FO123'])).toBe('/api/v1/flex-flows/FO123');
    expect(resolveUpstreamPath(['health', 'ready'])).toBe('/health/ready');
    expect(resolveUpstreamPath(['health'])).toBe('/health');
  });

  it('re-encodes decoded segments so they stay one segment each', () => {
    expect(resolveUpstreamPath(['v1', 'contacts', '+1 555/0100'])).toBe('/api/v1/contacts/%2B1%20555%2F0100');
  });

  it('refuses anything else the API serves', () => {
    expect(resolveUpstreamPath([])).toBeNull();
    expect(resolveUpstreamPath(['docs'])).toBeNull();
    expect(resolveUpstreamPath(['api', 'v1', 'x'])).toBeNull();
  });

  it('refuses dot segments that would climb out of the prefix', () => {
    expect(resolveUpstreamPath(['v1', '..', '..', 'docs'])).toBeNull();
    expect(resolveUpstreamPath(['health', '.'])).toBeNull();
  });
});
