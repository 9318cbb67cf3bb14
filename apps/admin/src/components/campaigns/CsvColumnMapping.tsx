'use client';
// Which column of the uploaded CSV is the number, which the name, and which template or body variable each other
// column fills; the first rows are shown as read, so the operator maps what they see.
import { Box } from '@twilio-paste/core/box';
import { HelpText } from '@twilio-paste/core/help-text';
import { Label } from '@twilio-paste/core/label';
import { Option, Select } from '@twilio-paste/core/select';
import { Table, TBody, Td, Th, THead, Tr } from '@twilio-paste/core/table';
import { TextField } from '../common/TextField';
import { variableCandidates, type CampaignFormValues } from '../../lib/campaigns/campaign-form';
import type { CsvHead } from '../../lib/campaigns/csv-head';

interface CsvColumnMappingProps {
  head: CsvHead;
  values: CampaignFormValues;
  numberError?: string;
  onChange: (changes: Partial<CampaignFormValues>) => void;
}

export function CsvColumnMapping({ head, values, numberError, onChange }: CsvColumnMappingProps) {
  const setVariable = (column: string, variable: string) => onChange({ variables: { ...values.variables, [column]: variable } });
  return (
    <Box display="flex" flexDirection="column" rowGap="space50" data-testid="csv-mapping">
      <Table scrollHorizontally data-testid="csv-first-rows">
        <THead>
          <Tr>
            {head.header.map((column) => (
              <Th key={column}>{column}</Th>
            ))}
          </Tr>
        </THead>
        <TBody>
          {head.rows.map((row, index) => (
            <Tr key={index}>
              {head.header.map((column, at) => (
                <Td key={column}>{row[at] ?? ''}</Td>
              ))}
            </Tr>
          ))}
        </TBody>
      </Table>
      <Box display="flex" columnGap="space50" flexWrap="wrap">
        <Box minWidth="size30">
          <Label htmlFor="campaign-number-column" required>
            Number column
          </Label>
          <Select
            id="campaign-number-column"
            value={values.numberColumn}
            onChange={(event) => onChange({ numberColumn: event.target.value })}
            hasError={Boolean(numberError)}
            aria-describedby="campaign-number-column-help"
          >
            <Option value="">Choose a column</Option>
            {head.header.map((column) => (
              <Option key={column} value={column}>
                {column}
              </Option>
            ))}
          </Select>
          <HelpText id="campaign-number-column-help" variant={numberError ? 'error' : 'default'}>
            {numberError ?? 'Any common spelling with a country code; invalid ones are reported with their row.'}
          </HelpText>
        </Box>
        <Box minWidth="size30">
          <Label htmlFor="campaign-name-column">Name column</Label>
          <Select id="campaign-name-column" value={values.nameColumn} onChange={(event) => onChange({ nameColumn: event.target.value })}>
            <Option value="">None</Option>
            {head.header.map((column) => (
              <Option key={column} value={column}>
                {column}
              </Option>
            ))}
          </Select>
          <HelpText>Fills {'{{name}}'} in a body.</HelpText>
        </Box>
      </Box>
      {[...variableCandidates(head, values), ...(values.nameColumn ? [values.nameColumn] : [])].map((column) => (
        <Box key={column}>
          <TextField
            id={`campaign-variable-${column}`}
            name={`variable-${column}`}
            label={`Variable filled from “${column}”`}
            value={values.variables[column] ?? (column === values.nameColumn ? '' : column)}
            onChange={(variable) => setVariable(column, variable)}
            help={
              values.messageKind === 'template'
                ? 'The template’s placeholder, e.g. 1 for {{1}}; leave blank to not use the column.'
                : `Used as {{${values.variables[column] || column}}} in the body; leave blank to not use the column.`
            }
          />
        </Box>
      ))}
    </Box>
  );
}
