import type { Metadata } from 'next';
import { FlexFlowsPage } from '../../components/flex-flows/FlexFlowsPage';

export const metadata: Metadata = { title: 'Flex Flows' };

export default function FlexFlows() {
  return <FlexFlowsPage />;
}
