'use client';
// What a send created or reused on Twilio, each with a link to where the console shows it in detail.
import { Badge } from '@twilio-paste/core/badge';
import { Box } from '@twilio-paste/core/box';
import { Card } from '@twilio-paste/core/card';
import { DescriptionList, DescriptionListDetails, DescriptionListSet, DescriptionListTerm } from '@twilio-paste/core/description-list';
import { Heading } from '@twilio-paste/core/heading';
import { Text } from '@twilio-paste/core/text';
import type { ReactNode } from 'react';
import type { OutboundSmsResult } from '../../lib/outbound/outbound.types';
import { ConsoleLink } from '../common/ConsoleLink';

function Reuse({ reused }: { reused: boolean }) {
  return (
    <Badge as="span" variant={reused ? 'neutral' : 'success'}>
      {reused ? 'Reused' : 'Created'}
    </Badge>
  );
}

function Row({ term, testId, children }: { term: string; testId: string; children: ReactNode }) {
  return (
    <DescriptionListSet>
      <DescriptionListTerm>{term}</DescriptionListTerm>
      <DescriptionListDetails>
        <Box display="flex" flexWrap="wrap" alignItems="center" columnGap="space30" rowGap="space20" data-testid={testId}>
          {children}
        </Box>
      </DescriptionListDetails>
    </DescriptionListSet>
  );
}

export function SendResultPanel({ result }: { result: OutboundSmsResult }) {
  const historyHref = `/history/${encodeURIComponent(result.id)}`;
  return (
    <Card padding="space70" data-testid="send-result">
      <Box role="status" aria-live="polite">
        <Heading as="h2" variant="heading30">
          {result.task ? 'Conversation started: Flex is routing the task' : 'SMS sent through the Flex conversation'}
        </Heading>
      </Box>
      <DescriptionList>
        <Row term="Request" testId="result-request">
          <ConsoleLink href={historyHref}>{result.id}</ConsoleLink>
          <Text as="span" color="colorTextWeak">
            steps and transcript
          </Text>
        </Row>
        <Row term="Flex Flow" testId="result-flex-flow">
          {result.flexFlow ? (
            <>
              <ConsoleLink href={`/flex-flows/${result.flexFlow.sid}`}>{result.flexFlow.friendlyName}</ConsoleLink>
              <Badge as="span" variant="decorative10">
                {result.flexFlow.integrationType}
              </Badge>
              {result.flexFlow.enabled ? null : (
                <Badge as="span" variant="neutral">
                  disabled
                </Badge>
              )}
            </>
          ) : (
            <Text as="span" color="colorTextWeak">
              none: routed by the number’s Conversations Address Configuration
            </Text>
          )}
        </Row>
        {result.conversation ? (
          <Row term="Conversation" testId="result-conversation">
            <ConsoleLink href={`${historyHref}#transcript`}>{result.conversation.sid}</ConsoleLink>
            <Reuse reused={result.reused.conversation ?? result.reused.channel} />
            <Text as="span" color="colorTextWeak">
              {result.conversation.state}
            </Text>
          </Row>
        ) : (
          <Row term="Chat channel" testId="result-channel">
            <ConsoleLink href={`${historyHref}#transcript`}>{result.channel.sid}</ConsoleLink>
            <Reuse reused={result.reused.channel} />
          </Row>
        )}
        {result.interaction ? (
          <Row term="Flex Interaction" testId="result-interaction">
            {/* The request's steps show the Interaction call and what it created. */}
            <ConsoleLink href={historyHref}>{result.interaction.sid}</ConsoleLink>
            <Text as="span" color="colorTextWeak" fontFamily="fontFamilyCode" title="The Interaction's channel">
              {result.interaction.channelSid}
            </Text>
          </Row>
        ) : null}
        {result.task ? (
          <Row term="Task" testId="result-task">
            <Text as="span" fontFamily="fontFamilyCode">
              {result.task.sid}
            </Text>
            <Reuse reused={result.reused.conversation ?? result.reused.channel} />
          </Row>
        ) : null}
        {result.proxySession ? (
          <Row term="Proxy session" testId="result-proxy-session">
            <ConsoleLink href={`/proxy-sessions/${result.proxySession.sid}`}>{result.proxySession.sid}</ConsoleLink>
            <Reuse reused={result.reused.session} />
            <Text as="span" color="colorTextWeak">
              {result.proxySession.status}
            </Text>
          </Row>
        ) : null}
        {result.message ? (
          <Row term="Message" testId="result-message">
            <Text as="span">“{result.message.body}”</Text>
            <Text as="span" color="colorTextWeak" fontFamily="fontFamilyCode">
              {result.message.sid}
            </Text>
          </Row>
        ) : null}
      </DescriptionList>
    </Card>
  );
}
