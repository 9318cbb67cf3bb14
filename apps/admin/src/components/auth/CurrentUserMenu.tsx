'use client';
// The top bar's "who am I": the signed-in user's name and role, and the way out.
import { Badge } from '@twilio-paste/core/badge';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Text } from '@twilio-paste/core/text';
import { UserIcon } from '@twilio-paste/icons/esm/UserIcon';
import { useRouter } from 'next/navigation';
import { useCurrentUser } from '../../hooks/use-current-user';
import { useSignOut } from '../../hooks/use-session';
import { ROLE_LABELS } from '../../lib/auth/auth.types';
import { SIGN_IN_PATH } from '../../lib/auth/sign-in-redirect';

export function CurrentUserMenu() {
  const { user } = useCurrentUser();
  const signOut = useSignOut();
  const router = useRouter();
  if (!user) return null;

  return (
    <Box display="flex" alignItems="center" columnGap="space40" data-testid="current-user">
      <UserIcon decorative />
      <Text as="span" fontWeight="fontWeightSemibold" data-testid="current-user-name">
        {user.name}
      </Text>
      <Badge as="span" variant={user.role === 'admin' ? 'decorative30' : 'neutral'} data-testid="current-user-role">
        {ROLE_LABELS[user.role]}
      </Badge>
      <Button
        variant="secondary"
        size="small"
        loading={signOut.isPending}
        // Signed out on the server or not (the API may be down), this browser forgets the session and leaves.
        onClick={() => signOut.mutate(undefined, { onSettled: () => router.replace(SIGN_IN_PATH) })}
      >
        Sign out
      </Button>
    </Box>
  );
}
