/** ISO 8601 without milliseconds, as the v1/v2 APIs send dates (`2026-11-24T18:00:00Z`). */
export function isoDate(date: Date | null | undefined): string | null {
  return date ? date.toISOString().replace(/\.\d{3}Z$/, 'Z') : null;
}

/** RFC 2822, as API 2010 sends dates (`Tue, 24 Nov 2026 18:00:00 +0000`). */
export function rfc2822Date(date: Date | null | undefined): string | null {
  return date ? date.toUTCString().replace('GMT', '+0000') : null;
}
