'use client';
import { Box } from '@twilio-paste/core/box';
import { Card } from '@twilio-paste/core/card';
import { Heading } from '@twilio-paste/core/heading';
import { Paragraph } from '@twilio-paste/core/paragraph';
import { ProductFlexIcon } from '@twilio-paste/icons/esm/ProductFlexIcon';
import { useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useEffect } from 'react';
import { useCurrentUser } from '../../hooks/use-current-user';
import { safeNextPath } from '../../lib/auth/sign-in-redirect';
import { SignInForm } from './SignInForm';

export function SignInPage() {
  const router = useRouter();
  const next = useSearchParams().get('next');
  const { user } = useCurrentUser();
  // Checked against the origin the browser is on, when leaving (the page is also rendered on the server).
  const returnToNext = useCallback(() => router.replace(safeNextPath(next, window.location.origin)), [router, next]);

  // Already signed in (a second tab, the back button): nothing to do here.
  useEffect(() => {
    if (user) returnToNext();
  }, [user, returnToNext]);

  return (
    <Box minHeight="100vh" display="flex" alignItems="center" justifyContent="center" backgroundColor="colorBackground" padding="space60">
      <Box width="size40" maxWidth="100%">
        <Card padding="space100">
          <Box display="flex" alignItems="center" columnGap="space30" marginBottom="space50">
            <ProductFlexIcon decorative size="sizeIcon70" color="colorTextBrandHighlight" />
            <Heading as="h1" variant="heading30" marginBottom="space0">
              Sign in
            </Heading>
          </Box>
          <Paragraph>Flex Outbound SMS admin console</Paragraph>
          <SignInForm onSignedIn={returnToNext} />
        </Card>
      </Box>
    </Box>
  );
}
