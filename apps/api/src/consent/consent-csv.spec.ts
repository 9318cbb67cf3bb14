import { Readable } from 'node:stream';
import { ConsentCsvHeaderInvalid, exportRow, readConsentCsv } from './consent-csv';

async function rowsOf(csv: string) {
  const rows = [];
  for await (const row of readConsentCsv(Readable.from([Buffer.from(csv)]))) rows.push(row);
  return rows;
}

describe('readConsentCsv', () => {
  it('reads each row with its line, normalised, and reports bad rows by field', async () => {
    const rows = await rowsOf(
      '\ufeffRecipient, scope ,reason,since\r\n+14155550123,+15550100001,"A, b",x\r\nnope,MG0123456789abcdef0123456789abcdef,\r\n\r\n+14155550124,whatsapp:+15550100003,\r\n',
    );
    expect(rows).toEqual([
      { line: 2, entry: { recipient: '+14155550123', scope: '+15550100001', reason: 'A, b' } },
      { line: 3, problems: [expect.objectContaining({ field: 'recipient' })] },
      { line: 5, entry: { recipient: '+14155550124', scope: 'whatsapp:+15550100003', reason: null } },
    ]);
  });

  it('refuses a header without the columns it needs', async () => {
    await expect(rowsOf('number,scope\n+14155550123,+15550100001\n')).rejects.toBeInstanceOf(ConsentCsvHeaderInvalid);
  });

  it('stops where the file stops being CSV, after the rows before it', async () => {
    const rows = await rowsOf('recipient,scope,reason\n+14155550123,+15550100001,ok\n+14155550124,+15550100001,"open\n');
    expect(rows).toEqual([
      expect.objectContaining({ line: 2 }),
      expect.objectContaining({ unreadable: true, problems: [expect.objectContaining({ field: 'csv' })] }),
    ]);
  });

  it('writes a reason a spreadsheet would run as a formula with a leading apostrophe, which an import takes off', async () => {
    const line = exportRow({
      recipient: '+14155550123',
      scope: '+15550100001',
      since: new Date('2026-12-05T00:00:00Z'),
      source: 'manual',
      actor: 'bootstrap',
      reason: '=SUM(1)',
    });
    expect(line).toBe("+14155550123,+15550100001,2026-12-05T00:00:00.000Z,manual,bootstrap,'=SUM(1)\r\n");
    const [row] = await rowsOf(`recipient,scope,since,source,actor,reason\r\n${line}`);
    expect(row).toEqual({ line: 2, entry: { recipient: '+14155550123', scope: '+15550100001', reason: '=SUM(1)' } });
  });
});
