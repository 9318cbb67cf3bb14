'use client';
import { Anchor } from '@twilio-paste/core/anchor';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Callout, CalloutHeading, CalloutList, CalloutListItem } from '@twilio-paste/core/callout';
import { Card } from '@twilio-paste/core/card';
import { Heading } from '@twilio-paste/core/heading';
import { HelpText } from '@twilio-paste/core/help-text';
import { Label } from '@twilio-paste/core/label';
import { Paragraph } from '@twilio-paste/core/paragraph';
import { useState } from 'react';
import { useImportOptOuts } from '../../hooks/use-consent';
import { CONSENT_EXPORT_PATH } from '../../lib/consent/consent.types';
import { MutationError } from '../common/MutationError';

/** CSV in and out: a CRM's suppression list in, the register out (the export imports back as is). */
export function ConsentImportExport() {
  const [file, setFile] = useState<File>();
  const importing = useImportOptOuts();
  const result = importing.data;

  return (
    <Card padding="space70">
      <Heading as="h2" variant="heading40">
        Import and export
      </Heading>
      <Paragraph>
        A CSV file with the header <code>recipient,scope,reason</code>, one opt-out a line. Rows with a problem are listed with their line; the others
        are recorded.{' '}
        <Anchor href={CONSENT_EXPORT_PATH} data-testid="consent-export">
          Export every opt-out as CSV
        </Anchor>
      </Paragraph>
      <Box display="flex" alignItems="flex-end" columnGap="space40" flexWrap="wrap" rowGap="space30">
        <Box>
          <Label htmlFor="consent-import-file">CSV file</Label>
          <input
            id="consent-import-file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby="consent-import-help"
            onChange={(event) => setFile(event.target.files?.[0])}
          />
          <HelpText id="consent-import-help">Streamed to the API as it is read, up to 64 MiB.</HelpText>
        </Box>
        <Button variant="secondary" disabled={!file} loading={importing.isPending} onClick={async () => file && importing.mutate(await file.text())}>
          Import
        </Button>
      </Box>
      {importing.isError ? <MutationError error={importing.error} heading="The file could not be imported" /> : null}
      {result ? (
        <Box marginTop="space50" data-testid="consent-import-result">
          <Callout variant={result.rejected > 0 || !result.complete ? 'warning' : 'success'}>
            <CalloutHeading as="h3">
              {result.imported} opt-out{result.imported === 1 ? '' : 's'} imported
              {result.rejected > 0 ? `, ${result.rejected} row${result.rejected === 1 ? '' : 's'} left out` : ''}
              {result.complete ? '' : '; the file could not be read to the end'}
            </CalloutHeading>
            {result.errors.length > 0 ? (
              <CalloutList as="ul">
                {result.errors.map((error) => (
                  <CalloutListItem key={error.row}>
                    Line {error.row}: {error.details.map((detail) => detail.message).join('; ')}
                  </CalloutListItem>
                ))}
              </CalloutList>
            ) : null}
          </Callout>
        </Box>
      ) : null}
    </Card>
  );
}
