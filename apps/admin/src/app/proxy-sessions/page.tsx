import type { Metadata } from 'next';
import { ProxySessionsPage } from '../../components/proxy-sessions/ProxySessionsPage';

export const metadata: Metadata = { title: 'Proxy sessions' };

export default function ProxySessions() {
  return <ProxySessionsPage />;
}
