'use client';
import { Badge } from '@twilio-paste/core/badge';

/** A yes/no setting as a small badge whose text says it (colour is never the only signal). */
export function FlagBadge({ on, onLabel = 'Yes', offLabel = 'No' }: { on: boolean; onLabel?: string; offLabel?: string }) {
  return (
    <Badge as="span" variant={on ? 'success' : 'neutral'}>
      {on ? onLabel : offLabel}
    </Badge>
  );
}

export function IntegrationTypeBadge({ type }: { type: string }) {
  return (
    <Badge as="span" variant={type === 'task' ? 'decorative20' : 'decorative10'}>
      {type}
    </Badge>
  );
}
