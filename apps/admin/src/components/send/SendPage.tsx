'use client';
import { Box } from '@twilio-paste/core/box';
import { Column, Grid } from '@twilio-paste/core/grid';
import { Tab, TabList, TabPanel, TabPanels, Tabs } from '@twilio-paste/core/tabs';
import { useState } from 'react';
import { useDeployment } from '../../hooks/use-deployment';
import type { OutboundSmsResult } from '../../lib/outbound/outbound.types';
import type { SendKind } from '../../lib/outbound/send-form-validation';
import { EmptyState } from '../common/EmptyState';
import { PageTitle } from '../common/PageTitle';
import { SendResultPanel } from './SendResultPanel';
import { SendSmsForm } from './SendSmsForm';

/** What a send makes on Twilio, in the words of the products the deployment's numbers use. */
const CREATED: Record<string, string> = {
  'chat-proxy': 'Flex Flow, chat channel, task, Proxy session, message',
  conversations: 'Flex Interaction, conversation, task, message',
  mixed: 'Flex Flow, chat channel or conversation, Flex Interaction, task, Proxy session, message',
};

export function SendPage() {
  const [result, setResult] = useState<{ kind: SendKind; result: OutboundSmsResult }>();
  const { outboundMode } = useDeployment();

  return (
    <>
      <PageTitle heading="Send">
        Start an SMS or WhatsApp conversation: as an agent (Flex creates a task), or fire-and-forget (replies go to the number’s Studio flow).
      </PageTitle>
      {/* Side by side on a laptop; stacked on a tablet, the result under the form. */}
      <Grid gutter="space80" vertical={[true, true, true, false]}>
        <Column span={7}>
          <Tabs baseId="send-flows" orientation="horizontal">
            <TabList aria-label="Kind of SMS">
              <Tab>Agent-initiated (task)</Tab>
              <Tab>Fire-and-forget</Tab>
            </TabList>
            <TabPanels>
              <TabPanel>
                <Box paddingTop="space60" />
                <SendSmsForm kind="task" onSent={(sent) => setResult({ kind: 'task', result: sent })} />
              </TabPanel>
              <TabPanel>
                <Box paddingTop="space60" />
                <SendSmsForm kind="message" onSent={(sent) => setResult({ kind: 'message', result: sent })} />
              </TabPanel>
            </TabPanels>
          </Tabs>
        </Column>
        <Column span={5}>
          <Box marginTop={['space60', 'space60', 'space60', 'space0']}>
            {result ? (
              <SendResultPanel result={result.result} />
            ) : (
              <EmptyState heading="Nothing sent yet" testId="send-result-empty">
                What the send created or reused ({CREATED[outboundMode ?? 'chat-proxy']}) shows here.
              </EmptyState>
            )}
          </Box>
        </Column>
      </Grid>
    </>
  );
}
