'use client';
// Where the customer stands in WhatsApp's 24-hour window, before anything is sent: the API's own reading (the one its
// WHATSAPP_TEMPLATE_REQUIRED refusal comes from), kept fresh while the form is open.
import { Callout, CalloutText } from '@twilio-paste/core/callout';
import { useCustomerWindow } from '../../hooks/use-senders';
import { isE164 } from '../../lib/outbound/send-form-validation';
import { windowHint } from '../../lib/outbound/whatsapp-send';

const formatTime = (iso: string) => new Date(iso).toLocaleString([], { weekday: 'short', hour: '2-digit', minute: '2-digit' });

/** `byTemplate`: a template is chosen, which WhatsApp takes outside the window too. */
export function CustomerWindowHint({ from, to, byTemplate }: { from: string; to: string; byTemplate: boolean }) {
  const ready = isE164(from) && isE164(to) && from !== to;
  const window = useCustomerWindow(from, to, ready);
  if (!ready || !window.data) return null;
  const hint = windowHint(window.data, formatTime, byTemplate);
  return (
    <Callout variant={hint.open ? 'success' : byTemplate ? 'neutral' : 'warning'} data-testid="window-hint" data-open={hint.open} role="status">
      <CalloutText>{hint.text}</CalloutText>
    </Callout>
  );
}
