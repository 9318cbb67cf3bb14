'use client';
import { Box } from '@twilio-paste/core/box';
import { HelpText } from '@twilio-paste/core/help-text';
import { Input } from '@twilio-paste/core/input';
import { Label } from '@twilio-paste/core/label';
import { Option, Select } from '@twilio-paste/core/select';
import { PROXY_SESSION_STATUSES, type ProxySessionStatus } from '../../lib/proxy-sessions/proxy-session.types';
import type { SessionFilter } from '../../lib/proxy-sessions/session-filter';

export function ProxySessionFilters({ filter, onChange }: { filter: SessionFilter; onChange: (filter: SessionFilter) => void }) {
  return (
    <Box display="flex" flexWrap="wrap" columnGap="space60" rowGap="space40" marginBottom="space60" role="search" aria-label="Filter the sessions">
      <Box minWidth="size20">
        <Label htmlFor="proxy-session-status">Status</Label>
        <Select
          id="proxy-session-status"
          value={filter.status ?? ''}
          onChange={(event) => onChange({ ...filter, status: (event.target.value || undefined) as ProxySessionStatus | undefined })}
        >
          <Option value="">Any status</Option>
          {PROXY_SESSION_STATUSES.map((status) => (
            <Option key={status} value={status}>
              {status}
            </Option>
          ))}
        </Select>
      </Box>
      <Box minWidth="size30">
        <Label htmlFor="proxy-session-search">Session or channel SID</Label>
        <Input
          id="proxy-session-search"
          type="search"
          value={filter.search ?? ''}
          placeholder="KC… or CH…"
          onChange={(event) => onChange({ ...filter, search: event.target.value })}
          aria-describedby="proxy-session-search-help"
        />
        <HelpText id="proxy-session-search-help">Filters the page shown; part of a SID is enough.</HelpText>
      </Box>
    </Box>
  );
}
