import { valueAt } from './schema-violations';

describe('valueAt', () => {
  const body = { channels: [{ sid: 'CH1', links: { 'a/b': 1, 'c~d': 2 } }] };

  it('follows a JSON Pointer into objects and arrays', () => {
    expect(valueAt(body, '')).toBe(body);
    expect(valueAt(body, '/channels/0/sid')).toBe('CH1');
  });

  it('unescapes ~1 and ~0', () => {
    expect(valueAt(body, '/channels/0/links/a~1b')).toBe(1);
    expect(valueAt(body, '/channels/0/links/c~0d')).toBe(2);
  });

  it('gives undefined past the end', () => {
    expect(valueAt(body, '/channels/3/sid')).toBeUndefined();
  });
});
