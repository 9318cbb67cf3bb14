import { CsvError, parse } from 'csv-parse';
import type { Readable, Transform } from 'node:stream';
import type { FieldError } from '../common/error-body';
import { checkConsentEntry, type ConsentEntry } from './consent-entry';
import type { OptOutEntry } from './sql-consent-register';

/** The columns an import needs; others (an export's since, source, actor) are ignored, so an export imports as is. */
export const IMPORT_COLUMNS = ['recipient', 'scope', 'reason'] as const;
export const EXPORT_COLUMNS = ['recipient', 'scope', 'since', 'source', 'actor', 'reason'] as const;

/** A row to record, a row left out, or where the file stopped being CSV (nothing after it is read). */
export type ImportRow = { line: number; entry: ConsentEntry } | { line: number; problems: FieldError[]; unreadable?: true };

/** Thrown when the header lacks a column an import needs: nothing is imported. */
export class ConsentCsvHeaderInvalid extends Error {
  constructor(readonly missing: string[]) {
    super(`The CSV header must name the columns ${IMPORT_COLUMNS.join(',')}; missing: ${missing.join(', ')}`);
  }
}

/**
 * The rows of an import, one at a time as the request streams in (a file of any length holds one row in memory),
 * each checked on its own: a bad row is reported with its line, and the others still count.
 */
export async function* readConsentCsv(input: Readable): AsyncGenerator<ImportRow> {
  const parser = input.pipe(
    parse({
      bom: true,
      columns: (header: string[]) => {
        const names = header.map((name) => name.trim().toLowerCase());
        const missing = IMPORT_COLUMNS.filter((column) => !names.includes(column));
        if (missing.length > 0) throw new ConsentCsvHeaderInvalid(missing);
        return names;
      },
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
    }),
  );
  // A parse error (an unclosed quote) comes from the parser; the request's own errors must end the import too.
  input.on('error', (error) => parser.destroy(error));
  try {
    for await (const { record, info } of recordsOf(parser)) {
      const checked = checkConsentEntry({ ...record, reason: unformula(record.reason) });
      yield { line: info.lines, ...checked };
    }
  } catch (error) {
    if (!isCsvParseError(error)) throw error;
    // The rows before it are recorded already (the file streams in): the answer says where reading stopped.
    yield {
      line: error.lines ?? 0,
      problems: [{ field: 'csv', message: `The file is not valid CSV from here on: ${error.message}` }],
      unreadable: true,
    };
  }
}

interface ParsedRecord {
  record: Record<string, string>;
  info: { lines: number };
}

const HIGH_WATER = 64;

/**
 * The parser's records, then its error if it failed. Not the stream's own async iterator: that throws as soon as the
 * stream errors, dropping records parsed before the error but not yet read, which would go neither recorded nor
 * reported. Reading pauses while the import is behind, so a large file is not held in memory.
 */
async function* recordsOf(parser: Transform): AsyncGenerator<ParsedRecord> {
  const queue: ParsedRecord[] = [];
  let ended = false;
  let failure: unknown;
  let wake: (() => void) | undefined;
  const signal = () => wake?.();
  parser.on('data', (record: ParsedRecord) => {
    queue.push(record);
    if (queue.length >= HIGH_WATER) parser.pause();
    signal();
  });
  parser.on('error', (error) => {
    failure = error;
    ended = true;
    signal();
  });
  parser.on('end', () => {
    ended = true;
    signal();
  });
  for (;;) {
    const next = queue.shift();
    if (next) {
      if (queue.length < HIGH_WATER / 2 && parser.isPaused()) parser.resume();
      yield next;
      continue;
    }
    if (ended) {
      if (failure) throw failure;
      return;
    }
    await new Promise<void>((resolve) => (wake = resolve));
    wake = undefined;
  }
}

function isCsvParseError(error: unknown): error is CsvError & { lines?: number } {
  return error instanceof CsvError;
}

/** One CSV line of an export (RFC 4180 quoting). */
export function exportLine(values: readonly (string | null)[]): string {
  return `${values.map((value) => quoteCsv(value ?? '')).join(',')}\r\n`;
}

export function exportRow(optOut: OptOutEntry): string {
  return exportLine([optOut.recipient, optOut.scope, optOut.since.toISOString(), optOut.source, optOut.actor, formulaSafe(optOut.reason)]);
}

function quoteCsv(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

// A spreadsheet runs a cell that starts with one of these as a formula (CSV injection, OWASP): free text (the reason)
// is written with a leading apostrophe, which spreadsheets hide and an import takes off again.
const FORMULA_START = /^[=+\-@\t\r]/;

function formulaSafe(text: string | null): string | null {
  return text && FORMULA_START.test(text) ? `'${text}` : text;
}

function unformula(text: string | undefined): string | undefined {
  return text && text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}
