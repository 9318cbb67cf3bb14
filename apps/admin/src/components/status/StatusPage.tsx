'use client';
import { PageHeader, PageHeaderDetails, PageHeaderHeading, PageHeaderParagraph } from '@twilio-paste/core/page-header';
import { ApiStatusPanel } from './ApiStatusPanel';

export function StatusPage() {
  return (
    <>
      <PageHeader size="default">
        <PageHeaderDetails>
          <PageHeaderHeading>Status</PageHeaderHeading>
          <PageHeaderParagraph>Whether the Flex Outbound SMS API is up, its database reachable, and which Twilio it talks to.</PageHeaderParagraph>
        </PageHeaderDetails>
      </PageHeader>
      <ApiStatusPanel />
    </>
  );
}
