'use client';
import { Box } from '@twilio-paste/core/box';
import { Callout, CalloutHeading, CalloutText } from '@twilio-paste/core/callout';
import { Heading } from '@twilio-paste/core/heading';
import { Stack } from '@twilio-paste/core/stack';
import { Text } from '@twilio-paste/core/text';
import type { ReactNode } from 'react';
import { useOutboundRequest } from '../../hooks/use-outbound';
import { channelSidOf, conversationSidOf } from '../../lib/outbound/channel-of-request';
import { KIND_LABEL, type OutboundRequest } from '../../lib/outbound/outbound.types';
import { ChannelTranscript } from '../channels/ChannelTranscript';
import { ConsoleLink } from '../common/ConsoleLink';
import { ConversationTranscript } from '../conversations/ConversationTranscript';
import { EmptyState } from '../common/EmptyState';
import { durationBetween, formatDateTime, formatDuration } from '../common/format';
import { PageTitle } from '../common/PageTitle';
import { Fact, FactCard, ResourceDetail } from '../common/ResourceDetail';
import { DeliveryStatus } from './DeliveryStatus';
import { OutboundStatusBadge } from './OutboundStatusBadge';
import { StepTimeline } from './StepTimeline';
import { SystemCallbackLog } from './SystemCallbackLog';
import { UNDO_LABEL } from './step-labels';

function Section({ heading, id, children }: { heading: string; id?: string; children: ReactNode }) {
  return (
    <Box as="section" id={id} aria-labelledby={id ? `${id}-heading` : undefined}>
      <Heading as="h2" variant="heading30" id={id ? `${id}-heading` : undefined}>
        {heading}
      </Heading>
      {children}
    </Box>
  );
}

export function OutboundRequestDetail({ id }: { id: string }) {
  const request = useOutboundRequest(id);
  return (
    <ResourceDetail
      query={request}
      title={() => <PageTitle heading="Outbound request">{id}</PageTitle>}
      loadingLabel="Loading the request…"
      notFound={{
        heading: 'No such request',
        testId: 'request-not-found',
        children: (
          <>
            The journal has no request {id}. <ConsoleLink href="/history">Back to the history</ConsoleLink>
          </>
        ),
      }}
    >
      {(data) => <RequestFacts data={data} />}
    </ResourceDetail>
  );
}

function RequestFacts({ data }: { data: OutboundRequest }) {
  const channelSid = channelSidOf(data);
  const conversationSid = conversationSidOf(data);
  const took = durationBetween(data.startedAt, data.finishedAt);

  return (
    <Stack orientation="vertical" spacing="space80">
      <FactCard>
        <Fact term="Status">
          <OutboundStatusBadge status={data.status} />
        </Fact>
        {data.delivery ? (
          <Fact term="Delivery">
            <DeliveryStatus delivery={data.delivery} />
          </Fact>
        ) : null}
        <Fact term="Kind">{KIND_LABEL[data.kind] ?? data.kind}</Fact>
        <Fact term="From">{data.fromNumber}</Fact>
        <Fact term="Customer">
          {data.toName} · {data.toNumber}
        </Fact>
        {data.body ? <Fact term="Message">“{data.body}”</Fact> : null}
        <Fact term="Started">{formatDateTime(data.startedAt)}</Fact>
        <Fact term="Took">{took === undefined ? 'Still running' : formatDuration(took)}</Fact>
        <Fact term="Caller">
          {data.callerName ? `${data.callerName} · ` : null}
          <Text as="span" fontFamily="fontFamilyCode">
            {data.caller}
          </Text>
        </Fact>
      </FactCard>
      {data.error ? (
        <Callout variant="error" data-testid="request-error">
          <CalloutHeading as="h2">
            {data.error.code}
            {data.error.twilioCode ? ` (Twilio ${data.error.twilioCode})` : ''}
          </CalloutHeading>
          <CalloutText>{data.error.message}</CalloutText>
        </Callout>
      ) : null}
      <Section heading="Steps">
        {data.steps.length === 0 ? (
          <EmptyState heading="No step recorded">The request stopped before its first Twilio call.</EmptyState>
        ) : (
          <StepTimeline steps={data.steps} />
        )}
      </Section>
      {data.pendingSteps.length > 0 ? (
        <Section heading="Follow-up work">
          <Box as="ul" margin="space0" paddingLeft="space70">
            {data.pendingSteps.map((step) => (
              <Text as="li" key={step.name}>
                {step.name}: {step.status} after {step.attempts} attempt{step.attempts === 1 ? '' : 's'}
                {step.error ? ` (${step.error.message})` : ''}
              </Text>
            ))}
          </Box>
        </Section>
      ) : null}
      {data.undone.length > 0 ? (
        <Section heading="Rolled back">
          <Box as="ul" margin="space0" paddingLeft="space70" data-testid="undone">
            {data.undone.map((undo) => (
              <Text as="li" key={`${undo.action}-${undo.sid}`}>
                {UNDO_LABEL[undo.action] ?? undo.action} {undo.sid}: {undo.ok ? 'done' : `failed (${undo.error?.message ?? 'unknown error'})`}
              </Text>
            ))}
          </Box>
        </Section>
      ) : null}
      <Section heading="System callbacks" id="callbacks">
        <SystemCallbackLog requestId={data.id} />
      </Section>
      <Section heading="Conversation" id="transcript">
        {conversationSid ? (
          <ConversationTranscript conversationSid={conversationSid} customerNumber={data.toNumber} customerName={data.toName} />
        ) : channelSid ? (
          <ChannelTranscript channelSid={channelSid} customerIdentity={data.toNumber} customerName={data.toName} />
        ) : (
          <EmptyState heading="No chat channel">This request failed before a chat channel existed.</EmptyState>
        )}
      </Section>
    </Stack>
  );
}
