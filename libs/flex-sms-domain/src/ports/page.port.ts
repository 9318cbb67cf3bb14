/** One page of a Twilio list, and where the next one starts (Twilio's PageToken); `null` on the last page. */
export interface ResourcePage<T> {
  items: T[];
  nextPageToken: string | null;
}

export interface PageRequest {
  /** Twilio allows 1–1000. */
  pageSize: number;
  pageToken?: string | null;
}
