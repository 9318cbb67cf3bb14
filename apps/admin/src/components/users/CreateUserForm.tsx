'use client';
import { Box } from '@twilio-paste/core/box';
import { HelpText } from '@twilio-paste/core/help-text';
import { Input } from '@twilio-paste/core/input';
import { Label } from '@twilio-paste/core/label';
import { Option, Select } from '@twilio-paste/core/select';
import { useState } from 'react';
import { useCreateUser } from '../../hooks/use-users';
import type { UserRole } from '../../lib/auth/auth.types';
import { validateUserForm, type UserFormErrors } from '../../lib/users/user-form';
import { MIN_PASSWORD_LENGTH, type CreateUserRequest } from '../../lib/users/user.types';
import { FormCard } from '../common/FormCard';
import { TextField } from '../common/TextField';

const EMPTY: CreateUserRequest = { username: '', password: '', role: 'operator' };

export function CreateUserForm() {
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<UserFormErrors>({});
  const create = useCreateUser();

  const submit = () => {
    const found = validateUserForm(values);
    setErrors(found);
    if (Object.keys(found).length === 0) create.mutate(values, { onSuccess: () => setValues(EMPTY) });
  };

  return (
    <FormCard
      heading="Add a user"
      label="Add a user"
      testId="create-user-form"
      submitLabel="Add user"
      pending={create.isPending}
      onSubmit={submit}
      failure={create.isError ? { error: create.error, heading: 'The user could not be added' } : undefined}
    >
      <Box>
        <TextField
          id="user-username"
          name="username"
          label="Username"
          value={values.username}
          onChange={(username) => setValues({ ...values, username })}
          error={errors.username}
          required
        />
      </Box>
      <Box>
        <Label htmlFor="user-password" required>
          Password
        </Label>
        <Input
          id="user-password"
          name="password"
          type="password"
          autoComplete="new-password"
          value={values.password}
          onChange={(event) => setValues({ ...values, password: event.target.value })}
          hasError={Boolean(errors.password)}
          aria-describedby="user-password-help"
          required
        />
        <HelpText id="user-password-help" variant={errors.password ? 'error' : 'default'}>
          {errors.password ?? `At least ${MIN_PASSWORD_LENGTH} characters. Tell the user, who can then sign in.`}
        </HelpText>
      </Box>
      <Box>
        <Label htmlFor="user-role">Role</Label>
        <Select id="user-role" name="role" value={values.role} onChange={(event) => setValues({ ...values, role: event.target.value as UserRole })}>
          <Option value="operator">Operator: send, history, Flex Flows and sessions</Option>
          <Option value="admin">Admin: also Flex Flow changes, cleanup, API keys and users</Option>
        </Select>
      </Box>
    </FormCard>
  );
}
