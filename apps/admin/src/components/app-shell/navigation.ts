// The console's pages, in the order the sidebar lists them.
import type { ComponentType } from 'react';
import { DeleteIcon } from '@twilio-paste/icons/esm/DeleteIcon';
import { DoNotIcon } from '@twilio-paste/icons/esm/DoNotIcon';
import { HistoryIcon } from '@twilio-paste/icons/esm/HistoryIcon';
import { ProductKeysIcon } from '@twilio-paste/icons/esm/ProductKeysIcon';
import { MobileIcon } from '@twilio-paste/icons/esm/MobileIcon';
import { ProductMarketingCampaignsIcon } from '@twilio-paste/icons/esm/ProductMarketingCampaignsIcon';
import { ProductDebuggerIcon } from '@twilio-paste/icons/esm/ProductDebuggerIcon';
import { ProductFlexIcon } from '@twilio-paste/icons/esm/ProductFlexIcon';
import { ProductProxyIcon } from '@twilio-paste/icons/esm/ProductProxyIcon';
import { SendIcon } from '@twilio-paste/icons/esm/SendIcon';
import { SystemStatusIcon } from '@twilio-paste/icons/esm/SystemStatusIcon';
import { ProductAdminUsersIcon } from '@twilio-paste/icons/esm/ProductAdminUsersIcon';
import { visibleFor, type NavigationAccess, type Viewer } from './navigation-access';

export interface NavigationIconProps {
  decorative: boolean;
  title?: string;
}

export interface NavigationItem extends NavigationAccess {
  label: string;
  href: string;
  Icon: ComponentType<NavigationIconProps>;
}

export const NAVIGATION: readonly NavigationItem[] = [
  { label: 'Status', href: '/', Icon: SystemStatusIcon },
  { label: 'Send', href: '/send', Icon: SendIcon },
  { label: 'History', href: '/history', Icon: HistoryIcon },
  { label: 'Campaigns', href: '/campaigns', Icon: ProductMarketingCampaignsIcon },
  { label: 'Flex Flows', href: '/flex-flows', Icon: ProductFlexIcon },
  { label: 'Proxy sessions', href: '/proxy-sessions', Icon: ProductProxyIcon },
  { label: 'Cleanup', href: '/cleanup', Icon: DeleteIcon, adminOnly: true },
  // Who may not be texted (STOP, 21610, entries, imports): admins manage it, every send checks it.
  { label: 'Consent', href: '/consent', Icon: DoNotIcon, adminOnly: true },
  { label: 'Doctor', href: '/doctor', Icon: ProductDebuggerIcon },
  // The customers' phones exist only in the embedded sandbox: on a real account, customers use their own.
  { label: 'Sandbox handset', href: '/sandbox-handset', Icon: MobileIcon, sandboxOnly: true },
  { label: 'API keys', href: '/api-keys', Icon: ProductKeysIcon, adminOnly: true },
  { label: 'Users', href: '/users', Icon: ProductAdminUsersIcon, adminOnly: true },
];

/** The pages a viewer sees in the navigation (see visibleFor). */
export function navigationFor(viewer: Viewer): readonly NavigationItem[] {
  return visibleFor(NAVIGATION, viewer);
}
