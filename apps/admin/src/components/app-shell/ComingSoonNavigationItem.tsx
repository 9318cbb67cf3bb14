'use client';
// A sidebar entry for a page that is not built yet: visible, announced as unavailable, and not a link, so nobody
// lands on a 404.
import { Box } from '@twilio-paste/core/box';
import { SidebarBetaBadge, SidebarContext } from '@twilio-paste/core/sidebar';
import { useContext } from 'react';
import type { NavigationItem } from './navigation';

export function ComingSoonNavigationItem({ item }: { item: NavigationItem }) {
  const { collapsed } = useContext(SidebarContext);
  const { Icon } = item;
  return (
    <Box
      as="span"
      aria-disabled="true"
      title={`${item.label}: coming soon`}
      data-testid="coming-soon-navigation-item"
      display="flex"
      alignItems="center"
      columnGap="space30"
      paddingX="space30"
      paddingY="space20"
      marginBottom="space30"
      minHeight="sizeIcon50"
      color="colorTextInverseWeaker"
      fontSize="fontSize30"
      lineHeight="lineHeight30"
      cursor="not-allowed"
    >
      <Box as="span" display="flex" color="colorTextInverseWeaker">
        <Icon decorative={!collapsed} title={collapsed ? `${item.label} (coming soon)` : undefined} />
      </Box>
      {collapsed ? null : (
        <Box as="span" display="flex" flexGrow={1} alignItems="center" justifyContent="space-between" columnGap="space20">
          {item.label}
          <Box as="span" whiteSpace="nowrap">
            <SidebarBetaBadge as="span">Coming soon</SidebarBetaBadge>
          </Box>
        </Box>
      )}
    </Box>
  );
}
