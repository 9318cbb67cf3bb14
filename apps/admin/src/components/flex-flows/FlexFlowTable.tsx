'use client';
// The account's Flex Flows, one group per number (contact identity): what decides which Send flows a number can use.
import { Table, TBody, Td, Th, THead, Tr } from '@twilio-paste/core/table';
import { Text } from '@twilio-paste/core/text';
import { Fragment } from 'react';
import type { FlexFlow } from '../../lib/flex-flows/flex-flow.types';
import { flexFlowsByNumber } from '../../lib/flex-flows/sendable-numbers';
import { ConsoleLink } from '../common/ConsoleLink';
import { FlagBadge, IntegrationTypeBadge } from './FlexFlowBadges';

export function FlexFlowTable({ flows }: { flows: FlexFlow[] }) {
  return (
    <Table scrollHorizontally data-testid="flex-flow-table">
      <THead>
        <Tr>
          <Th>Flex Flow</Th>
          <Th>Channel</Th>
          <Th>Integration</Th>
          <Th>Enabled</Th>
          <Th>LongLived</Th>
          <Th>Janitor</Th>
        </Tr>
      </THead>
      <TBody>
        {flexFlowsByNumber(flows).map(({ number, flows: grouped }) => (
          <Fragment key={number}>
            <Tr data-testid="flex-flow-number">
              <Th scope="rowgroup" colSpan={6}>
                {number}
              </Th>
            </Tr>
            {grouped.map((flow) => (
              <Tr key={flow.sid} data-testid="flex-flow-row">
                <Td>
                  <ConsoleLink href={`/flex-flows/${flow.sid}`}>{flow.friendlyName}</ConsoleLink>
                  <Text as="span" display="block" color="colorTextWeak" fontFamily="fontFamilyCode" fontSize="fontSize20">
                    {flow.sid}
                  </Text>
                </Td>
                <Td>{flow.channelType}</Td>
                <Td>
                  <IntegrationTypeBadge type={flow.integrationType} />
                </Td>
                <Td>
                  <FlagBadge on={flow.enabled} onLabel="Enabled" offLabel="Disabled" />
                </Td>
                <Td>
                  <FlagBadge on={flow.longLived} />
                </Td>
                <Td>
                  <FlagBadge on={flow.janitorEnabled} onLabel="On" offLabel="Off" />
                </Td>
              </Tr>
            ))}
          </Fragment>
        ))}
      </TBody>
    </Table>
  );
}
