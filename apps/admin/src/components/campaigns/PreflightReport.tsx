'use client';
// The pre-flight report of a campaign (a dry run before it starts, or the campaign's own): what will be sent, what
// is left out with its row and reason, the messages as the first customers will read them, and how long it takes.
import { Box } from '@twilio-paste/core/box';
import { Callout, CalloutHeading, CalloutText } from '@twilio-paste/core/callout';
import { DescriptionList, DescriptionListDetails, DescriptionListSet, DescriptionListTerm } from '@twilio-paste/core/description-list';
import { Heading } from '@twilio-paste/core/heading';
import { Table, TBody, Td, Th, THead, Tr } from '@twilio-paste/core/table';
import { formatDuration } from '../common/format';
import type { CampaignReport } from '../../lib/campaigns/campaign.types';

const LEFT_OUT = [
  { key: 'invalid', heading: 'Invalid' },
  { key: 'duplicates', heading: 'Duplicates' },
  { key: 'optedOut', heading: 'Opted out' },
  { key: 'inConversation', heading: 'In a live conversation' },
] as const;

export function PreflightReport({ report }: { report: CampaignReport }) {
  const leftOut = LEFT_OUT.filter(({ key }) => report[key].count > 0);
  return (
    <Box display="flex" flexDirection="column" rowGap="space50" data-testid="preflight-report">
      <DescriptionList>
        <DescriptionListSet>
          <DescriptionListTerm>Rows read</DescriptionListTerm>
          <DescriptionListDetails data-testid="report-rows">{report.rows}</DescriptionListDetails>
        </DescriptionListSet>
        <DescriptionListSet>
          <DescriptionListTerm>To send</DescriptionListTerm>
          <DescriptionListDetails data-testid="report-to-send">{report.toSend}</DescriptionListDetails>
        </DescriptionListSet>
        {LEFT_OUT.map(({ key, heading }) => (
          <DescriptionListSet key={key}>
            <DescriptionListTerm>{heading}</DescriptionListTerm>
            <DescriptionListDetails data-testid={`report-${key}`}>{report[key].count}</DescriptionListDetails>
          </DescriptionListSet>
        ))}
        <DescriptionListSet>
          <DescriptionListTerm>Segments</DescriptionListTerm>
          <DescriptionListDetails data-testid="report-segments">
            {report.segments.total} in all ({report.segments.encoding}
            {report.segments.perMessageMax > 0 ? `, ${report.segments.perMessageMin}–${report.segments.perMessageMax} per message` : ''})
          </DescriptionListDetails>
        </DescriptionListSet>
        <DescriptionListSet>
          <DescriptionListTerm>Estimated duration</DescriptionListTerm>
          <DescriptionListDetails data-testid="report-duration">
            {formatDuration(report.estimatedDurationSeconds * 1000)} at the pacing (quiet hours aside)
          </DescriptionListDetails>
        </DescriptionListSet>
        <DescriptionListSet>
          <DescriptionListTerm>Per sender</DescriptionListTerm>
          <DescriptionListDetails>
            {Object.entries(report.perSender)
              .map(([sender, count]) => `${sender}: ${count}`)
              .join(', ')}
          </DescriptionListDetails>
        </DescriptionListSet>
      </DescriptionList>
      {report.preview.length > 0 ? (
        <Box>
          <Heading as="h3" variant="heading50">
            The first messages, as the customers will read them
          </Heading>
          <Table scrollHorizontally data-testid="report-preview">
            <THead>
              <Tr>
                <Th>Row</Th>
                <Th>Customer</Th>
                <Th>Sender</Th>
                <Th>Message</Th>
              </Tr>
            </THead>
            <TBody>
              {report.preview.map((message) => (
                <Tr key={message.row}>
                  <Td>{message.row}</Td>
                  <Td>
                    {message.toName ? `${message.toName} · ` : ''}
                    {message.toNumber}
                  </Td>
                  <Td>{message.fromNumber}</Td>
                  <Td>{message.text}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </Box>
      ) : (
        <Callout variant="warning">
          <CalloutHeading as="h3">Nothing to send</CalloutHeading>
          <CalloutText>Every row of the list is left out: see why below.</CalloutText>
        </Callout>
      )}
      {leftOut.length > 0 ? (
        <Box>
          <Heading as="h3" variant="heading50">
            Left out
          </Heading>
          <Table scrollHorizontally data-testid="report-left-out">
            <THead>
              <Tr>
                <Th>Row</Th>
                <Th>Why</Th>
                <Th>As given</Th>
                <Th>Reason</Th>
              </Tr>
            </THead>
            <TBody>
              {leftOut.flatMap(({ key, heading }) =>
                report[key].rows.map((row) => (
                  <Tr key={`${key}-${row.row}`} data-testid="left-out-row">
                    <Td>{row.row}</Td>
                    <Td>{heading}</Td>
                    <Td>{row.input}</Td>
                    <Td>{row.reason}</Td>
                  </Tr>
                )),
              )}
            </TBody>
          </Table>
        </Box>
      ) : null}
    </Box>
  );
}
