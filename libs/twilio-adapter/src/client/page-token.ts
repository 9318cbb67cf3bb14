/** Twilio's next-page URL carries the position as `PageToken`; the SDK's page hands the URL back. */
export function pageTokenOf(nextPageUrl: string | undefined | null): string | null {
  if (!nextPageUrl) return null;
  return new URL(nextPageUrl, 'https://api.twilio.com').searchParams.get('PageToken');
}

/** Page options for the SDK's `page()`: a token only when there is one. */
export function pageOptions(page: { pageSize: number; pageToken?: string | null }): { pageSize: number; pageToken?: string } {
  return { pageSize: page.pageSize, ...(page.pageToken ? { pageToken: page.pageToken } : {}) };
}
