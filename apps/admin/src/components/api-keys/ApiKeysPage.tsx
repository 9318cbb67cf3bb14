'use client';
import { Box } from '@twilio-paste/core/box';
import { Text } from '@twilio-paste/core/text';
import { useState } from 'react';
import { useApiKeys, useRevokeApiKey, useRotateSigningSecret } from '../../hooks/use-api-keys';
import type { ApiKey, CreatedApiKey } from '../../lib/api-keys/api-key.types';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { EmptyState } from '../common/EmptyState';
import { LoadingState } from '../common/LoadingState';
import { MutationError } from '../common/MutationError';
import { PageTitle } from '../common/PageTitle';
import { QueryError } from '../common/QueryError';
import { ApiKeyTable } from './ApiKeyTable';
import { CallbackUrlForm } from './CallbackUrlForm';
import { CreateApiKeyForm } from './CreateApiKeyForm';
import { NewApiKeyCallout } from './NewApiKeyCallout';
import { RotatedSecretCallout } from './RotatedSecretCallout';

export function ApiKeysPage() {
  const keys = useApiKeys();
  const revoke = useRevokeApiKey();
  const [created, setCreated] = useState<CreatedApiKey>();
  const [revoking, setRevoking] = useState<ApiKey>();
  const [editing, setEditing] = useState<ApiKey>();
  const [rotating, setRotating] = useState<ApiKey>();
  const rotate = useRotateSigningSecret();

  return (
    <>
      <PageTitle heading="API keys">
        Keys for systems that send through the API (a CRM, a Studio flow). Each has a role, may be limited to some sender numbers, and may have its
        requests' changes POSTed to a callback URL.
      </PageTitle>
      <Box display="flex" flexDirection="column" rowGap="space70">
        {created ? <NewApiKeyCallout created={created} onDone={() => setCreated(undefined)} /> : null}
        {rotate.data ? <RotatedSecretCallout rotated={rotate.data} onDone={() => rotate.reset()} /> : null}
        {editing ? (
          <CallbackUrlForm key={editing.id} apiKey={editing} onDone={() => setEditing(undefined)} />
        ) : (
          <CreateApiKeyForm onCreated={setCreated} />
        )}
        {revoke.isError ? <MutationError error={revoke.error} heading="The key could not be revoked" /> : null}
        {rotate.isError ? <MutationError error={rotate.error} heading="The signing secret could not be rotated" /> : null}
        {keys.isPending ? (
          <LoadingState label="Loading the API keys…" />
        ) : keys.isError ? (
          <QueryError query={keys} />
        ) : keys.data.length === 0 ? (
          <EmptyState heading="No API keys yet">Create one for each system that calls the API, so each can be revoked on its own.</EmptyState>
        ) : (
          <ApiKeyTable keys={keys.data} onRevoke={setRevoking} onEditCallbackUrl={setEditing} onRotateSecret={setRotating} />
        )}
      </Box>
      <ConfirmDialog
        isOpen={revoking !== undefined}
        heading={`Revoke “${revoking?.name ?? ''}”?`}
        confirmLabel="Revoke key"
        destructive
        onDismiss={() => setRevoking(undefined)}
        onConfirm={() => {
          if (revoking) revoke.mutate(revoking.id);
          setRevoking(undefined);
        }}
      >
        <Text as="p">
          Requests with the key {revoking?.prefix}_… are refused from now on. This cannot be undone; create a new key to restore access.
        </Text>
      </ConfirmDialog>
      <ConfirmDialog
        isOpen={rotating !== undefined}
        heading={`New signing secret for “${rotating?.name ?? ''}”?`}
        confirmLabel="Rotate secret"
        onDismiss={() => setRotating(undefined)}
        onConfirm={() => {
          if (rotating) rotate.mutate(rotating.id);
          setRotating(undefined);
        }}
      >
        <Text as="p">
          Callbacks are signed with the new secret from now on, those still queued included; the old secret signs nothing more. The new secret is
          shown once.
        </Text>
      </ConfirmDialog>
    </>
  );
}
