import type { Metadata } from 'next';
import { NewFlexFlowPage } from '../../../components/flex-flows/NewFlexFlowPage';

export const metadata: Metadata = { title: 'Create a Flex Flow' };

export default function NewFlexFlow() {
  return <NewFlexFlowPage />;
}
