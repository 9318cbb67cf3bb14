'use client';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Callout, CalloutText } from '@twilio-paste/core/callout';
import { Input } from '@twilio-paste/core/input';
import { Label } from '@twilio-paste/core/label';
import { useState, type FormEvent } from 'react';
import { useSignIn } from '../../hooks/use-session';
import { ApiError } from '../../lib/api-error';

/** What to tell the user when sign-in fails; the API's own words except for the one it keeps deliberately vague. */
function signInProblem(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Sign-in failed. Try again.';
  if (error.code === 'INVALID_CREDENTIALS') return 'Wrong username or password.';
  return error.message;
}

export function SignInForm({ onSignedIn }: { onSignedIn: () => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useSignIn();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ username, password }, { onSuccess: onSignedIn });
  };

  return (
    <form onSubmit={submit} aria-label="Sign in" data-testid="sign-in-form" noValidate>
      <Box display="flex" flexDirection="column" rowGap="space60">
        {signIn.isError ? (
          <Callout variant="error" role="alert" data-testid="sign-in-error">
            <CalloutText>{signInProblem(signIn.error)}</CalloutText>
          </Callout>
        ) : null}
        <Box>
          <Label htmlFor="sign-in-username" required>
            Username
          </Label>
          <Input
            id="sign-in-username"
            name="username"
            type="text"
            autoComplete="username"
            value={username}
            onChange={(event) => setUsername(event.target.value)}
            required
          />
        </Box>
        <Box>
          <Label htmlFor="sign-in-password" required>
            Password
          </Label>
          <Input
            id="sign-in-password"
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            hasError={signIn.isError}
            required
          />
        </Box>
        <Button type="submit" variant="primary" fullWidth loading={signIn.isPending} disabled={!username || !password}>
          Sign in
        </Button>
      </Box>
    </form>
  );
}
