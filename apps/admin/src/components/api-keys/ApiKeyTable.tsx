'use client';
import { Badge } from '@twilio-paste/core/badge';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Table, TBody, Td, Th, THead, Tr } from '@twilio-paste/core/table';
import { Text } from '@twilio-paste/core/text';
import type { ApiKey } from '../../lib/api-keys/api-key.types';
import { ROLE_LABELS } from '../../lib/auth/auth.types';
import { formatDateTime } from '../common/format';

interface ApiKeyTableProps {
  keys: ApiKey[];
  onRevoke: (key: ApiKey) => void;
  onEditCallbackUrl: (key: ApiKey) => void;
  onRotateSecret: (key: ApiKey) => void;
}

export function ApiKeyTable({ keys, onRevoke, onEditCallbackUrl, onRotateSecret }: ApiKeyTableProps) {
  return (
    <Table scrollHorizontally data-testid="api-key-table">
      <THead>
        <Tr>
          <Th>Name</Th>
          <Th>Key</Th>
          <Th>Role</Th>
          <Th>Sender numbers</Th>
          <Th>Callbacks</Th>
          <Th>Created</Th>
          <Th>Last used</Th>
          <Th>Status</Th>
        </Tr>
      </THead>
      <TBody>
        {keys.map((key) => (
          <Tr key={key.id} data-testid="api-key-row">
            <Td>{key.name}</Td>
            <Td>
              <Text as="span" fontFamily="fontFamilyCode">
                {key.prefix}_…
              </Text>
            </Td>
            <Td>{ROLE_LABELS[key.role]}</Td>
            <Td>{key.allowedFromNumbers?.join(', ') ?? 'Any'}</Td>
            <Td>
              <Box display="flex" flexDirection="column" rowGap="space20" alignItems="flex-start">
                <Text as="span" overflowWrap="anywhere" data-testid="api-key-callback-url">
                  {key.callbackUrl ?? 'None'}
                </Text>
                {key.revokedAt ? null : (
                  <Box display="flex" columnGap="space20">
                    <Button variant="link" size="small" onClick={() => onEditCallbackUrl(key)}>
                      Change URL
                    </Button>
                    <Button variant="link" size="small" onClick={() => onRotateSecret(key)}>
                      {key.hasSigningSecret ? 'Rotate secret' : 'Create secret'}
                    </Button>
                  </Box>
                )}
              </Box>
            </Td>
            <Td>{formatDateTime(key.createdAt)}</Td>
            <Td>{key.lastUsedAt ? formatDateTime(key.lastUsedAt) : 'Never'}</Td>
            <Td>
              {key.revokedAt ? (
                <Badge as="span" variant="error">
                  Revoked {formatDateTime(key.revokedAt)}
                </Badge>
              ) : (
                <Button variant="destructive_secondary" size="small" onClick={() => onRevoke(key)}>
                  Revoke
                </Button>
              )}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
