'use client';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Card } from '@twilio-paste/core/card';
import { Heading } from '@twilio-paste/core/heading';
import { useState, type FormEvent } from 'react';
import { useUpdateApiKey } from '../../hooks/use-api-keys';
import { callbackUrlProblem } from '../../lib/api-keys/api-key-form';
import type { ApiKey } from '../../lib/api-keys/api-key.types';
import { MutationError } from '../common/MutationError';
import { TextField } from '../common/TextField';

/** Sets or clears (empty) the URL a key's requests' changes are POSTed to. */
export function CallbackUrlForm({ apiKey, onDone }: { apiKey: ApiKey; onDone: () => void }) {
  const [value, setValue] = useState(apiKey.callbackUrl ?? '');
  const [error, setError] = useState<string>();
  const update = useUpdateApiKey();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const callbackUrl = value.trim();
    const problem = callbackUrlProblem(callbackUrl);
    setError(problem);
    if (problem) return;
    update.mutate({ id: apiKey.id, request: { callbackUrl: callbackUrl || null } }, { onSuccess: onDone });
  };

  return (
    <Card padding="space70">
      <Heading as="h2" variant="heading40">
        Callback URL of “{apiKey.name}”
      </Heading>
      <form onSubmit={submit} aria-label="Callback URL" data-testid="callback-url-form" noValidate>
        <Box display="flex" flexDirection="column" rowGap="space50">
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
          {update.isError ? <MutationError error={update.error} heading="The callback URL could not be saved" /> : null}
          <Box display="flex" columnGap="space30">
            <Button type="submit" variant="primary" loading={update.isPending}>
              Save
            </Button>
            <Button variant="secondary" onClick={onDone}>
              Cancel
            </Button>
          </Box>
        </Box>
      </form>
    </Card>
  );
}
