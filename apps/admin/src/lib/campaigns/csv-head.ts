// The first lines of a CSV file, read in the browser for the column mapping: its header and a few rows (RFC 4180:
// quoted fields may hold commas, doubled quotes and line breaks). The API reads the whole file itself, streamed.

export interface CsvHead {
  header: string[];
  rows: string[][];
}

export function readCsvHead(text: string, maxRows: number): CsvHead {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let index = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRecord = () => {
    record.push(field.trim());
    field = '';
    if (record.some((value) => value !== '')) records.push(record);
    record = [];
  };
  for (; index < text.length && records.length <= maxRows; index++) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(field.trim());
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index++;
      endRecord();
    } else field += char;
  }
  if (records.length <= maxRows && (field !== '' || record.length > 0)) endRecord();
  const [header = [], ...rows] = records;
  return { header, rows: rows.slice(0, maxRows) };
}

/** A column whose name says it holds the number or the name, for the mapping's first guess. */
export function guessColumn(header: readonly string[], words: readonly string[]): string {
  return header.find((column) => words.some((word) => column.toLowerCase().includes(word))) ?? '';
}
