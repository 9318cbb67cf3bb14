import type { Readable } from 'node:stream';
import { InvalidInput, type CampaignRecipient, type CampaignRecipientInput } from '@flex-sms/domain';
import { parse } from 'csv-parse';

export interface CsvMapping {
  numberColumn: string;
  nameColumn: string;
  /** Columns read as variables, each under its variable's name; every column but the number and name (under its own name) when unset. */
  variableColumns?: VariableColumn[];
}

export interface VariableColumn {
  column: string;
  variable: string;
}

/** `date,clinic` or `date:1,clinic:2` (a template's numbered placeholders from named columns). */
export function parseVariableColumns(list: string): VariableColumn[] {
  return list.split(',').map((item) => {
    const at = item.lastIndexOf(':');
    const column = (at < 0 ? item : item.slice(0, at)).trim();
    const variable = at < 0 ? column : item.slice(at + 1).trim();
    if (!column || !variable) throw new InvalidInput('variableColumns', `'${item.trim()}' is not a column or column:variable`);
    return { column, variable };
  });
}

/** Rows a CSV upload may hold. */
export const MAX_CSV_ROWS = 200_000;

/**
 * The recipients of a CSV upload, read as the request streams in (csv-parse, RFC 4180): a row at a time, so a
 * 100,000-row file never sits in memory. The first line is the header; the mapping names its columns.
 */
export async function* recipientsFromCsv(body: Readable, mapping: CsvMapping): AsyncGenerator<CampaignRecipientInput> {
  let variableColumns: VariableColumn[] = [];
  const parser = body.pipe(
    parse({
      bom: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      columns: (header: string[]) => {
        for (const [field, column] of [['numberColumn', mapping.numberColumn]] as const) {
          if (!header.includes(column)) throw new InvalidInput(field, `no column '${column}' in the CSV header (${header.join(', ')})`);
        }
        for (const { column } of mapping.variableColumns ?? []) {
          if (!header.includes(column)) throw new InvalidInput('variableColumns', `no column '${column}' in the CSV header (${header.join(', ')})`);
        }
        variableColumns =
          mapping.variableColumns ??
          header.filter((column) => column !== mapping.numberColumn && column !== mapping.nameColumn).map((column) => ({ column, variable: column }));
        return header;
      },
    }),
  );
  body.on('error', (error) => parser.destroy(error));
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<Record<string, string>>) {
      row++;
      if (row > MAX_CSV_ROWS) throw new InvalidInput('body', `holds more than ${MAX_CSV_ROWS} rows`);
      yield {
        row,
        number: record[mapping.numberColumn] ?? '',
        name: record[mapping.nameColumn] ?? '',
        variables: Object.fromEntries(variableColumns.map(({ column, variable }) => [variable, record[column] ?? ''])),
      };
    }
  } catch (error) {
    if (error instanceof InvalidInput) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new InvalidInput('body', `is not a readable CSV after row ${row}: ${message}`);
  }
}

const CSV_COLUMNS = [
  'row',
  'number',
  'name',
  'sender',
  'state',
  'reason',
  'request_id',
  'error_code',
  'error_message',
  'delivery_status',
  'delivery_error_code',
  'settled_at',
];

function cell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  // Quoted when needed (RFC 4180); a leading =+-@ is prefixed so a spreadsheet does not run it as a formula.
  const safe = /^[=+\-@]/.test(text) && !/^\+\d+$/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const CSV_HEADER = CSV_COLUMNS.join(',') + '\r\n';

export function csvLine(recipient: CampaignRecipient): string {
  return (
    [
      recipient.row,
      recipient.toNumber,
      recipient.toName,
      recipient.fromNumber,
      recipient.state,
      recipient.reason,
      recipient.requestId,
      recipient.error?.twilioCode ?? recipient.error?.code,
      recipient.error?.message,
      recipient.deliveryStatus,
      recipient.deliveryErrorCode,
      recipient.settledAt?.toISOString(),
    ]
      .map(cell)
      .join(',') + '\r\n'
  );
}
