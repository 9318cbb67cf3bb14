'use client';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { HelpText } from '@twilio-paste/core/help-text';
import { Input } from '@twilio-paste/core/input';
import { Label } from '@twilio-paste/core/label';
import { Option, Select } from '@twilio-paste/core/select';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { useDiagnosis } from '../../hooks/use-doctor';
import { useFlexFlows } from '../../hooks/use-flex-flows';
import { flexFlowsByNumber } from '../../lib/flex-flows/sendable-numbers';
import { isE164 } from '../../lib/outbound/send-form-validation';
import { EmptyState } from '../common/EmptyState';
import { LoadingState } from '../common/LoadingState';
import { PageTitle } from '../common/PageTitle';
import { QueryError } from '../common/QueryError';
import { DoctorChecklist } from './DoctorChecklist';

const OTHER = 'other';

/** The numbers the account's Flex Flows name, plus any number typed in (one with no flow at all needs a check most). */
function NumberPicker({ initial, onPick }: { initial: string | undefined; onPick: (number: string) => void }) {
  const flows = useFlexFlows();
  const known = flows.data ? flexFlowsByNumber(flows.data.filter((flow) => flow.channelType === 'sms')).map((group) => group.number) : [];
  const [choice, setChoice] = useState(initial ?? '');
  const [typed, setTyped] = useState(initial ?? '');
  const [error, setError] = useState<string>();
  // A number from the URL that no flow names is shown as typed in.
  const isOther = choice === OTHER || (choice !== '' && flows.isSuccess && !known.includes(choice));
  const effectiveChoice = isOther ? OTHER : choice;

  function submit(event: FormEvent) {
    event.preventDefault();
    const number = effectiveChoice === OTHER ? typed.trim() : effectiveChoice;
    if (!isE164(number)) {
      setError(effectiveChoice === OTHER ? 'Enter the number in E.164 format, e.g. +15550100001.' : 'Choose a number.');
      document.getElementById(effectiveChoice === OTHER ? 'doctor-other-number' : 'doctor-number')?.focus();
      return;
    }
    setError(undefined);
    onPick(number);
  }

  return (
    <Box
      as="form"
      onSubmit={submit}
      aria-label="Number to check"
      display="flex"
      flexWrap="wrap"
      columnGap="space60"
      rowGap="space40"
      alignItems="flex-start"
      marginBottom="space70"
    >
      <Box minWidth="size30">
        <Label htmlFor="doctor-number">Number</Label>
        <Select
          id="doctor-number"
          value={effectiveChoice}
          onChange={(event) => setChoice(event.target.value)}
          hasError={Boolean(error) && effectiveChoice !== OTHER}
          aria-describedby="doctor-number-help"
        >
          <Option value="">{flows.isPending ? 'Loading…' : 'Choose a number'}</Option>
          {known.map((number) => (
            <Option key={number} value={number}>
              {number}
            </Option>
          ))}
          <Option value={OTHER}>Another number…</Option>
        </Select>
        <HelpText id="doctor-number-help" variant={error && effectiveChoice !== OTHER ? 'error' : 'default'}>
          {error && effectiveChoice !== OTHER ? error : 'The numbers the Flex Flows name.'}
        </HelpText>
      </Box>
      {effectiveChoice === OTHER ? (
        <Box minWidth="size30">
          <Label htmlFor="doctor-other-number">Other number</Label>
          <Input
            id="doctor-other-number"
            type="tel"
            value={typed}
            placeholder="+15550100003"
            onChange={(event) => setTyped(event.target.value)}
            hasError={Boolean(error)}
            aria-describedby="doctor-other-number-help"
          />
          <HelpText id="doctor-other-number-help" variant={error ? 'error' : 'default'}>
            {error ?? 'E.164.'}
          </HelpText>
        </Box>
      ) : null}
      <Box paddingTop="space80">
        <Button type="submit" variant="primary">
          Check set-up
        </Button>
      </Box>
    </Box>
  );
}

export function DoctorPage() {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const number = searchParams.get('number') ?? undefined;
  const diagnosis = useDiagnosis(number);

  return (
    <>
      <PageTitle heading="Doctor">
        Checks everything a number needs for both outbound flows — Flex Flows, Chat Service, workflow, Proxy pool — and says how to fix what is wrong.
      </PageTitle>
      <NumberPicker
        initial={number}
        onPick={(picked) =>
          picked === number ? void diagnosis.refetch() : router.replace(`${pathname}?number=${encodeURIComponent(picked)}`, { scroll: false })
        }
      />
      {!number ? (
        <EmptyState heading="Pick a number" testId="doctor-empty">
          The checklist for the number shows here.
        </EmptyState>
      ) : diagnosis.isPending ? (
        <LoadingState label={`Checking ${number}…`} testId="doctor-loading" />
      ) : diagnosis.isError ? (
        <QueryError query={diagnosis} />
      ) : (
        <DoctorChecklist diagnosis={diagnosis.data} />
      )}
    </>
  );
}
