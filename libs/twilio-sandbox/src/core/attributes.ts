/** Twilio stores `attributes` as JSON text; reads it as an object (a non-object or invalid JSON reads as `{}`). */
export function readAttributes(text: string | null | undefined): Record<string, unknown> {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
