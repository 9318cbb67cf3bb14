'use client';
import { Box } from '@twilio-paste/core/box';
import { Label } from '@twilio-paste/core/label';
import { Option, Select } from '@twilio-paste/core/select';
import { useState } from 'react';
import { useCreateApiKey } from '../../hooks/use-api-keys';
import { validateApiKeyForm, type ApiKeyFormErrors, type ApiKeyFormValues } from '../../lib/api-keys/api-key-form';
import type { CreatedApiKey } from '../../lib/api-keys/api-key.types';
import type { UserRole } from '../../lib/auth/auth.types';
import { FormCard } from '../common/FormCard';
import { TextField } from '../common/TextField';

const EMPTY: ApiKeyFormValues = { name: '', role: 'operator', allowedFromNumbers: '', callbackUrl: '' };

export function CreateApiKeyForm({ onCreated }: { onCreated: (created: CreatedApiKey) => void }) {
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<ApiKeyFormErrors>({});
  const create = useCreateApiKey();
  const set = (field: keyof ApiKeyFormValues) => (value: string) => setValues((current) => ({ ...current, [field]: value }));

  const submit = () => {
    const { request, errors: found } = validateApiKeyForm(values);
    setErrors(found);
    if (!request) return;
    create.mutate(request, {
      onSuccess: (created) => {
        setValues(EMPTY);
        onCreated(created);
      },
    });
  };

  return (
    <FormCard
      heading="Create an API key"
      label="Create an API key"
      testId="create-api-key-form"
      submitLabel="Create key"
      pending={create.isPending}
      onSubmit={submit}
      failure={create.isError ? { error: create.error, heading: 'The key could not be created' } : undefined}
    >
      <Box>
        <TextField
          id="api-key-name"
          name="name"
          label="Name"
          value={values.name}
          onChange={set('name')}
          error={errors.name}
          help="What will use it, e.g. “Salesforce reminders”"
          required
        />
      </Box>
      <Box>
        <Label htmlFor="api-key-role">Role</Label>
        <Select id="api-key-role" name="role" value={values.role} onChange={(event) => set('role')(event.target.value as UserRole)}>
          <Option value="operator">Operator: send and read</Option>
          <Option value="admin">Admin: everything</Option>
        </Select>
      </Box>
      <Box>
        <TextField
          id="api-key-numbers"
          name="allowedFromNumbers"
          label="Allowed sender numbers"
          value={values.allowedFromNumbers}
          onChange={set('allowedFromNumbers')}
          error={errors.allowedFromNumbers}
          help="Optional, operator keys only: E.164 numbers the key may send from (and whose history it may read), separated by commas. Empty = any number."
          type="tel"
        />
      </Box>
      <Box>
        <TextField
          id="api-key-callback-url"
          name="callbackUrl"
          label="Callback URL"
          value={values.callbackUrl}
          onChange={set('callbackUrl')}
          error={errors.callbackUrl}
          help="Optional: where to POST the state changes of the key's requests, signed with the key's signing secret (shown once, after creating)."
        />
      </Box>
    </FormCard>
  );
}
