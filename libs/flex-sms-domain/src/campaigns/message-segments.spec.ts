import { messageSegments } from './message-segments';

describe('messageSegments', () => {
  it('counts GSM-7 bodies at 160 characters, then 153 a segment', () => {
    expect(messageSegments('a'.repeat(160))).toEqual({ encoding: 'GSM-7', segments: 1 });
    expect(messageSegments('a'.repeat(161))).toEqual({ encoding: 'GSM-7', segments: 2 });
    expect(messageSegments('a'.repeat(306))).toEqual({ encoding: 'GSM-7', segments: 2 });
    expect(messageSegments('a'.repeat(307))).toEqual({ encoding: 'GSM-7', segments: 3 });
  });

  it('counts an extension character as two septets', () => {
    expect(messageSegments('€'.repeat(80))).toEqual({ encoding: 'GSM-7', segments: 1 });
    expect(messageSegments('€'.repeat(81))).toEqual({ encoding: 'GSM-7', segments: 2 });
  });

  it('switches the whole message to UCS-2 for one character outside GSM-7', () => {
    expect(messageSegments('Hello ✓')).toEqual({ encoding: 'UCS-2', segments: 1 });
    expect(messageSegments('ü'.repeat(69) + 'ł')).toEqual({ encoding: 'UCS-2', segments: 1 });
    expect(messageSegments('ł'.repeat(71))).toEqual({ encoding: 'UCS-2', segments: 2 });
    expect(messageSegments('ł'.repeat(135))).toEqual({ encoding: 'UCS-2', segments: 3 });
  });
});
