import type { Metadata } from 'next';
import { SendPage } from '../../components/send/SendPage';

export const metadata: Metadata = { title: 'Send' };

export default function Send() {
  return <SendPage />;
}
