import type { Metadata } from 'next';
import { OutboundRequestDetail } from '../../../components/history/OutboundRequestDetail';

export const metadata: Metadata = { title: 'Outbound request' };

export default async function OutboundRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <OutboundRequestDetail id={id} />;
}
