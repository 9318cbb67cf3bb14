import type { Metadata } from 'next';
import { FlexFlowDetail } from '../../../components/flex-flows/FlexFlowDetail';

export const metadata: Metadata = { title: 'Flex Flow' };

export default async function FlexFlowPage({ params }: { params: Promise<{ sid: string }> }) {
  const { sid } = await params;
  return <FlexFlowDetail sid={sid} />;
}
