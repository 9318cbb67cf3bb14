'use client';
import { PageHeader, PageHeaderDetails, PageHeaderHeading, PageHeaderParagraph, PageHeaderActions } from '@twilio-paste/core/page-header';
import type { ReactNode } from 'react';

/** Every page's heading (the one h1) and its one-line purpose, with optional actions on the right. */
export function PageTitle({ heading, children, actions }: { heading: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <PageHeader size="default">
      <PageHeaderDetails>
        <PageHeaderHeading>{heading}</PageHeaderHeading>
        <PageHeaderParagraph>{children}</PageHeaderParagraph>
      </PageHeaderDetails>
      {actions ? <PageHeaderActions>{actions}</PageHeaderActions> : null}
    </PageHeader>
  );
}
