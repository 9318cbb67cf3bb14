'use client';
// The frame around every page, built like the Twilio Console: Paste's sidebar (collapsible to an icon rail),
// a top bar, and skip links to the navigation, the top bar and the page itself.
import { Box } from '@twilio-paste/core/box';
import {
  Sidebar,
  SidebarBody,
  SidebarCollapseButton,
  SidebarFooter,
  SidebarHeader,
  SidebarHeaderIconButton,
  SidebarHeaderLabel,
  SidebarPushContentWrapper,
} from '@twilio-paste/core/sidebar';
import { Text } from '@twilio-paste/core/text';
import { Topbar, TopbarActions } from '@twilio-paste/core/topbar';
import { ProductFlexIcon } from '@twilio-paste/icons/esm/ProductFlexIcon';
import { usePathname } from 'next/navigation';
import { Suspense, type ReactNode } from 'react';
import { CurrentUserMenu } from '../auth/CurrentUserMenu';
import { SessionGate } from '../auth/SessionGate';
import { SIGN_IN_PATH } from '../../lib/auth/sign-in-redirect';
import { ConsoleNavigation } from './ConsoleNavigation';
import { TwilioModeBadge } from './TwilioModeBadge';
import { useClientNavigation } from './use-client-navigation';
import { useSidebarCollapsed } from './use-sidebar-collapsed';

const MAIN_CONTENT_ID = 'main-content';
const SIDEBAR_NAVIGATION_ID = 'sidebar-navigation';
const TOPBAR_ID = 'topbar';

export function AppShell({ children }: { children: ReactNode }) {
  // The sign-in page stands alone: no navigation to pages its visitor may not see yet.
  if (usePathname() === SIGN_IN_PATH) return <>{children}</>;
  return <SignedInShell>{children}</SignedInShell>;
}

function SignedInShell({ children }: { children: ReactNode }) {
  const [collapsed, toggleCollapsed] = useSidebarCollapsed();
  const navigate = useClientNavigation();

  return (
    <Box minHeight="100vh" backgroundColor="colorBackgroundBody">
      <Sidebar
        variant="compact"
        collapsed={collapsed}
        mainContentSkipLinkID={MAIN_CONTENT_ID}
        sidebarNavigationSkipLinkID={SIDEBAR_NAVIGATION_ID}
        topbarSkipLinkID={TOPBAR_ID}
      >
        <SidebarHeader>
          <SidebarHeaderIconButton as="a" href="/" onClick={navigate}>
            <ProductFlexIcon decorative={false} title="Flex Outbound SMS home" />
          </SidebarHeaderIconButton>
          <SidebarHeaderLabel>Flex Outbound SMS</SidebarHeaderLabel>
        </SidebarHeader>
        <SidebarBody>
          <ConsoleNavigation />
        </SidebarBody>
        <SidebarFooter>
          <SidebarCollapseButton onClick={toggleCollapsed} i18nCollapseLabel="Collapse sidebar" i18nExpandLabel="Expand sidebar" />
        </SidebarFooter>
      </Sidebar>
      <SidebarPushContentWrapper collapsed={collapsed} variant="compact">
        <Topbar id={TOPBAR_ID}>
          <TopbarActions justify="start">
            <Text as="span" fontWeight="fontWeightSemibold">
              Admin console
            </Text>
          </TopbarActions>
          <TopbarActions justify="end">
            <TwilioModeBadge />
            <CurrentUserMenu />
          </TopbarActions>
        </Topbar>
        {/* tabIndex lets the "skip to content" link move keyboard focus here. */}
        <Box as="main" id={MAIN_CONTENT_ID} tabIndex={-1} padding={['space60', 'space90']} maxWidth="size120" outline="none">
          {/* SessionGate reads the URL (useSearchParams), which needs a Suspense boundary to prerender. */}
          <Suspense>
            <SessionGate>{children}</SessionGate>
          </Suspense>
        </Box>
      </SidebarPushContentWrapper>
    </Box>
  );
}
