import { describe, expect, it } from '@jest/globals';
import { guessColumn, readCsvHead } from './csv-head';

describe('readCsvHead', () => {
  it('reads the header and the first rows, with quoted commas, quotes and line breaks', () => {
    const text = '\ufeffphone,"full name",note\r\n+14155550100,"Lovelace, Ada","said ""hi""\ntwice"\n\n+14155550101,Grace,\n+14155550102,Third,x\n';
    expect(readCsvHead(text, 2)).toEqual({
      header: ['phone', 'full name', 'note'],
      rows: [
        ['+14155550100', 'Lovelace, Ada', 'said "hi"\ntwice'],
        ['+14155550101', 'Grace', ''],
      ],
    });
  });

  it('reads a file without a final line break, and an empty one', () => {
    expect(readCsvHead('number\n+14155550100', 5)).toEqual({ header: ['number'], rows: [['+14155550100']] });
    expect(readCsvHead('', 5)).toEqual({ header: [], rows: [] });
  });
});

describe('guessColumn', () => {
  it('finds the column whose name holds one of the words, or none', () => {
    expect(guessColumn(['Name', 'Mobile phone'], ['phone', 'number'])).toBe('Mobile phone');
    expect(guessColumn(['a', 'b'], ['phone'])).toBe('');
  });
});
