'use client';
import { Card } from '@twilio-paste/core/card';
import { useRouter } from 'next/navigation';
import { useCreateFlexFlow } from '../../hooks/use-flex-flows';
import { newFlexFlowForm, toFlexFlowRequest } from '../../lib/flex-flows/flex-flow-form';
import { AdminOnly } from '../common/AdminOnly';
import { EmptyState } from '../common/EmptyState';
import { PageTitle } from '../common/PageTitle';
import { FlexFlowForm } from './FlexFlowForm';

export function NewFlexFlowPage() {
  const create = useCreateFlexFlow();
  const router = useRouter();
  return (
    <>
      <PageTitle heading="Create a Flex Flow">
        An SMS number needs a Studio flow (inbound, fire-and-forget) and a Task flow (agent-initiated).
      </PageTitle>
      <AdminOnly
        fallback={
          <EmptyState heading="Admins only" testId="admin-only">
            Only an admin can create Flex Flows.
          </EmptyState>
        }
      >
        <Card padding="space70">
          <FlexFlowForm
            initial={newFlexFlowForm()}
            isNew
            submitLabel="Create Flex Flow"
            pending={create.isPending}
            error={create.error}
            onSubmit={(values) => create.mutate(toFlexFlowRequest(values), { onSuccess: (flow) => router.push(`/flex-flows/${flow.sid}`) })}
            onCancel={() => router.push('/flex-flows')}
          />
        </Card>
      </AdminOnly>
    </>
  );
}
