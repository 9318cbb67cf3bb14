'use client';
import { SidebarContext, SidebarNavigation, SidebarNavigationItem } from '@twilio-paste/core/sidebar';
import { usePathname } from 'next/navigation';
import { useContext } from 'react';
import { activeNavigationHref } from './active-navigation';
import { useCurrentUser } from '../../hooks/use-current-user';
import { useDeployment } from '../../hooks/use-deployment';
import { navigationFor } from './navigation';
import { useClientNavigation } from './use-client-navigation';

export function ConsoleNavigation() {
  const pathname = usePathname();
  const navigate = useClientNavigation();
  const { collapsed } = useContext(SidebarContext);
  const items = navigationFor({ role: useCurrentUser().user?.role, onSandbox: useDeployment().onSandbox });
  const activeHref = activeNavigationHref(
    pathname,
    items.map((item) => item.href),
  );

  return (
    <SidebarNavigation aria-label="Console">
      {items.map((item) => (
        <SidebarNavigationItem
          key={item.href}
          href={item.href}
          selected={item.href === activeHref}
          onClick={navigate}
          // A collapsed item shows only its icon, so the icon must then carry the name.
          icon={<item.Icon decorative={!collapsed} title={collapsed ? item.label : undefined} />}
        >
          {item.label}
        </SidebarNavigationItem>
      ))}
    </SidebarNavigation>
  );
}
