'use client';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { useState } from 'react';
import { useUpdateApiKey } from '../../hooks/use-api-keys';
import { callbackUrlProblem } from '../../lib/api-keys/api-key-form';
import type { ApiKey } from '../../lib/api-keys/api-key.types';
import { FormCard } from '../common/FormCard';
import { TextField } from '../common/TextField';

/** Sets or clears (empty) the URL a key's requests' changes are POSTed to. */
export function CallbackUrlForm({ apiKey, onDone }: { apiKey: ApiKey; onDone: () => void }) {
  const [value, setValue] = useState(apiKey.callbackUrl ?? '');
  const [error, setError] = useState<string>();
  const update = useUpdateApiKey();

  const submit = () => {
    const callbackUrl = value.trim();
    const problem = callbackUrlProblem(callbackUrl);
    setError(problem);
    if (problem) return;
    update.mutate({ id: apiKey.id, request: { callbackUrl: callbackUrl || null } }, { onSuccess: onDone });
  };

  return (
    <FormCard
      heading={`Callback URL of “${apiKey.name}”`}
      label="Callback URL"
      testId="callback-url-form"
      submitLabel="Save"
      pending={update.isPending}
      onSubmit={submit}
      failure={update.isError ? { error: update.error, heading: 'The callback URL could not be saved' } : undefined}
      secondaryActions={
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      }
    >
      <Box>
        <TextField
          id="api-key-callback-url"
          name="callbackUrl"
          label="Callback URL"
          value={value}
          onChange={setValue}
          error={error}
          help="Where the state changes of this key's requests are POSTed, signed with its signing secret. Empty = no callbacks."
        />
      </Box>
    </FormCard>
  );
}
