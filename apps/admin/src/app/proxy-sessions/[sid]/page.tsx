import type { Metadata } from 'next';
import { ProxySessionDetail } from '../../../components/proxy-sessions/ProxySessionDetail';

export const metadata: Metadata = { title: 'Proxy session' };

export default async function ProxySessionPage({ params }: { params: Promise<{ sid: string }> }) {
  const { sid } = await params;
  return <ProxySessionDetail sid={sid} />;
}
