'use client';
// Filters of the journal. Applied on submit (not per keystroke), so a half-typed number is not sent to the API.
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { HelpText } from '@twilio-paste/core/help-text';
import { Input } from '@twilio-paste/core/input';
import { Label } from '@twilio-paste/core/label';
import { Option, Select } from '@twilio-paste/core/select';
import { useState, type FormEvent } from 'react';
import type { HistoryFilters } from '../../lib/outbound/history-filters';
import {
  DELIVERY_LABEL,
  DELIVERY_STATUSES,
  KIND_LABEL,
  OUTBOUND_KINDS,
  OUTBOUND_STATUSES,
  STATUS_LABEL,
  type DeliveryStatus,
  type OutboundKind,
  type OutboundStatus,
} from '../../lib/outbound/outbound.types';
import { isE164 } from '../../lib/outbound/send-form-validation';

interface HistoryFiltersFormProps {
  filters: HistoryFilters;
  onApply: (filters: HistoryFilters) => void;
}

export function HistoryFiltersForm({ filters, onApply }: HistoryFiltersFormProps) {
  const [status, setStatus] = useState<string>(filters.status ?? '');
  const [kind, setKind] = useState<string>(filters.kind ?? '');
  const [delivery, setDelivery] = useState<string>(filters.delivery ?? '');
  const [number, setNumber] = useState(filters.number ?? '');
  const [numberError, setNumberError] = useState<string>();

  function apply(event: FormEvent) {
    event.preventDefault();
    const trimmed = number.trim();
    if (trimmed && !isE164(trimmed)) {
      setNumberError('Enter the number in E.164 format, e.g. +14155550123.');
      return;
    }
    setNumberError(undefined);
    onApply({
      ...filters,
      status: (status || undefined) as OutboundStatus | undefined,
      kind: (kind || undefined) as OutboundKind | undefined,
      delivery: (delivery || undefined) as DeliveryStatus | undefined,
      number: trimmed || undefined,
      page: 1,
    });
  }

  function clear() {
    setStatus('');
    setKind('');
    setDelivery('');
    setNumber('');
    setNumberError(undefined);
    onApply({ page: 1, pageSize: filters.pageSize });
  }

  return (
    <Box
      as="form"
      onSubmit={apply}
      aria-label="Filter the history"
      display="flex"
      flexWrap="wrap"
      columnGap="space60"
      rowGap="space40"
      alignItems="flex-start"
      marginBottom="space70"
    >
      <Box minWidth="size20">
        <Label htmlFor="history-status">Status</Label>
        <Select id="history-status" value={status} onChange={(event) => setStatus(event.target.value)}>
          <Option value="">Any status</Option>
          {OUTBOUND_STATUSES.map((value) => (
            <Option key={value} value={value}>
              {STATUS_LABEL[value]}
            </Option>
          ))}
        </Select>
      </Box>
      <Box minWidth="size20">
        <Label htmlFor="history-kind">Kind</Label>
        <Select id="history-kind" value={kind} onChange={(event) => setKind(event.target.value)}>
          <Option value="">Both kinds</Option>
          {OUTBOUND_KINDS.map((value) => (
            <Option key={value} value={value}>
              {KIND_LABEL[value]}
            </Option>
          ))}
        </Select>
      </Box>
      <Box minWidth="size20">
        <Label htmlFor="history-delivery">Delivery</Label>
        <Select id="history-delivery" value={delivery} onChange={(event) => setDelivery(event.target.value)}>
          <Option value="">Any delivery</Option>
          {DELIVERY_STATUSES.map((value) => (
            <Option key={value} value={value}>
              {DELIVERY_LABEL[value]}
            </Option>
          ))}
        </Select>
      </Box>
      <Box minWidth="size30">
        <Label htmlFor="history-number">Phone number</Label>
        <Input
          id="history-number"
          type="tel"
          value={number}
          placeholder="+14155550123"
          onChange={(event) => setNumber(event.target.value)}
          hasError={Boolean(numberError)}
          aria-describedby="history-number-help"
        />
        <HelpText id="history-number-help" variant={numberError ? 'error' : 'default'}>
          {numberError ?? 'Either side: the Twilio number or the customer.'}
        </HelpText>
      </Box>
      <Box display="flex" columnGap="space30" paddingTop="space80">
        <Button type="submit" variant="primary">
          Apply filters
        </Button>
        <Button type="button" variant="secondary" onClick={clear}>
          Clear
        </Button>
      </Box>
    </Box>
  );
}
