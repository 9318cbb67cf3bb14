'use client';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Table, TBody, Td, Th, THead, Tr } from '@twilio-paste/core/table';
import { Text } from '@twilio-paste/core/text';
import { useState } from 'react';
import { useCurrentUser } from '../../hooks/use-current-user';
import { useChangeUserRole, useDeleteUser, useUsers } from '../../hooks/use-users';
import { ROLE_LABELS } from '../../lib/auth/auth.types';
import type { ConsoleUser } from '../../lib/users/user.types';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { LoadingState } from '../common/LoadingState';
import { MutationError } from '../common/MutationError';
import { PageTitle } from '../common/PageTitle';
import { QueryError } from '../common/QueryError';
import { formatDateTime } from '../common/format';
import { CreateUserForm } from './CreateUserForm';

export function UsersPage() {
  const users = useUsers();
  const me = useCurrentUser().user;
  const changeRole = useChangeUserRole();
  const remove = useDeleteUser();
  const [deleting, setDeleting] = useState<ConsoleUser>();
  const failed = changeRole.isError ? changeRole.error : remove.isError ? remove.error : undefined;

  return (
    <>
      <PageTitle heading="Users">
        People who sign in to this console. Operators send and read; admins also change Flex Flows, run cleanups and manage keys and users.
      </PageTitle>
      <Box display="flex" flexDirection="column" rowGap="space70">
        <CreateUserForm />
        {failed ? <MutationError error={failed} heading="The user could not be changed" /> : null}
        {users.isPending ? (
          <LoadingState label="Loading the users…" />
        ) : users.isError ? (
          <QueryError query={users} />
        ) : (
          <Table scrollHorizontally data-testid="user-table">
            <THead>
              <Tr>
                <Th>Username</Th>
                <Th>Role</Th>
                <Th>Added</Th>
                <Th>Actions</Th>
              </Tr>
            </THead>
            <TBody>
              {users.data.map((user) => (
                <Tr key={user.id} data-testid="user-row">
                  <Td>
                    {user.username}
                    {user.id === me?.id ? (
                      <Text as="span" color="colorTextWeak">
                        {' '}
                        (you)
                      </Text>
                    ) : null}
                  </Td>
                  <Td>{ROLE_LABELS[user.role]}</Td>
                  <Td>{formatDateTime(user.createdAt)}</Td>
                  <Td>
                    <Box display="flex" columnGap="space30">
                      <Button
                        variant="secondary"
                        size="small"
                        onClick={() => changeRole.mutate({ id: user.id, role: user.role === 'admin' ? 'operator' : 'admin' })}
                      >
                        Make {user.role === 'admin' ? 'operator' : 'admin'}
                      </Button>
                      <Button variant="destructive_secondary" size="small" onClick={() => setDeleting(user)}>
                        Delete
                      </Button>
                    </Box>
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </Box>
      <ConfirmDialog
        isOpen={deleting !== undefined}
        heading={`Delete ${deleting?.username ?? ''}?`}
        confirmLabel="Delete user"
        destructive
        onDismiss={() => setDeleting(undefined)}
        onConfirm={() => {
          if (deleting) remove.mutate(deleting.id);
          setDeleting(undefined);
        }}
      >
        <Text as="p">They are signed out at once and can no longer sign in.</Text>
      </ConfirmDialog>
    </>
  );
}
