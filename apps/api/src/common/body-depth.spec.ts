import { MAX_BODY_DEPTH, jsonNestsDeeperThan } from './body-depth';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('jsonNestsDeeperThan', () => {
  it('counts nested arrays and objects alike', () => {
    expect(jsonNestsDeeperThan(bytes('{"a":[{"b":[1]}]}'), 4)).toBe(false);
    expect(jsonNestsDeeperThan(bytes('{"a":[{"b":[[1]]}]}'), 4)).toBe(true);
    expect(jsonNestsDeeperThan(bytes('['.repeat(10_000) + ']'.repeat(10_000)), MAX_BODY_DEPTH)).toBe(true);
  });

  it('measures depth, not the number of brackets: siblings do not add up', () => {
    expect(jsonNestsDeeperThan(bytes(JSON.stringify(Array.from({ length: 1000 }, () => ({ a: [1] })))), 3)).toBe(false);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(jsonNestsDeeperThan(bytes(JSON.stringify({ toName: '[[[[{{{{', note: 'say \\"[[[[[["' })), 1)).toBe(false);
    expect(jsonNestsDeeperThan(bytes(JSON.stringify({ a: '\\', b: [[1]] })), 2)).toBe(true);
  });
});
