'use client';
import { Box } from '@twilio-paste/core/box';
import { Column, Grid } from '@twilio-paste/core/grid';
import { Heading } from '@twilio-paste/core/heading';
import { Stack } from '@twilio-paste/core/stack';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useHandsetThread, useHandsets } from '../../hooks/use-sandbox-handset';
import { ApiError } from '../../lib/api-error';
import type { HandsetMessage } from '../../lib/sandbox-handset/sandbox-handset.types';
import { EmptyState } from '../common/EmptyState';
import { LoadingState } from '../common/LoadingState';
import { PageTitle } from '../common/PageTitle';
import { QueryError } from '../common/QueryError';
import { HandsetList } from './HandsetList';
import { HandsetReplyForm } from './HandsetReplyForm';
import { HandsetThread } from './HandsetThread';

/** The account number that texted the customer last: where their phone's reply goes. */
function lastSender(messages: HandsetMessage[] | undefined): string | undefined {
  return messages?.filter((message) => message.direction === 'received').at(-1)?.from;
}

function SelectedHandset({ number, accountNumbers, whatsappSenders }: { number: string; accountNumbers: string[]; whatsappSenders: string[] }) {
  const thread = useHandsetThread(number);
  if (thread.isPending) return <LoadingState label={`Loading ${number}’s thread…`} />;
  if (thread.isError) return <QueryError query={thread} />;
  return (
    <Stack orientation="vertical" spacing="space60">
      <Heading as="h2" variant="heading30">
        {number}
      </Heading>
      <HandsetThread number={number} messages={thread.data.messages} />
      {/* Keyed by the number, so switching phones starts a fresh reply addressed to that phone's last sender. */}
      <HandsetReplyForm
        key={number}
        customerNumber={number}
        accountNumbers={accountNumbers}
        whatsappSenders={whatsappSenders}
        defaultTo={lastSender(thread.data.messages)}
      />
    </Stack>
  );
}

export function SandboxHandsetPage() {
  const handsets = useHandsets();
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const chosen = searchParams.get('number') ?? undefined;
  const selected = chosen ?? handsets.data?.handsets[0]?.number;
  const select = (number: string) => router.replace(`${pathname}?number=${encodeURIComponent(number)}`, { scroll: false });

  const title = (
    <PageTitle heading="Sandbox handset">
      The customers’ phones of the embedded sandbox: see what each received by SMS or WhatsApp, and reply as the customer. No real message is sent.
    </PageTitle>
  );
  if (handsets.isPending)
    return (
      <>
        {title}
        <LoadingState label="Loading the phones…" testId="handsets-loading" />
      </>
    );
  if (handsets.isError) {
    // The API mounts these routes only on its embedded sandbox: a 404 means it works on a real account.
    const notSandbox = handsets.error instanceof ApiError && handsets.error.status === 404;
    return (
      <>
        {title}
        {notSandbox ? (
          <EmptyState heading="Only on the embedded sandbox" testId="handset-not-sandbox">
            This API works on a real Twilio account: customers use their own phones.
          </EmptyState>
        ) : (
          <QueryError query={handsets} />
        )}
      </>
    );
  }
  const known = handsets.data.handsets;
  return (
    <>
      {title}
      {known.length === 0 && !chosen ? (
        <EmptyState heading="No customer has an SMS yet" testId="handsets-empty">
          Send an SMS from the Send page: the customer’s phone appears here with the message.
        </EmptyState>
      ) : (
        <Grid gutter="space80" vertical={[true, true, false]}>
          <Column span={4}>
            <HandsetList handsets={known} selected={selected} onSelect={select} />
          </Column>
          <Column span={8}>
            <Box marginTop={['space60', 'space60', 'space0']}>
              {selected ? (
                <SelectedHandset number={selected} accountNumbers={handsets.data.accountNumbers} whatsappSenders={handsets.data.whatsappSenders} />
              ) : null}
            </Box>
          </Column>
        </Grid>
      )}
    </>
  );
}
