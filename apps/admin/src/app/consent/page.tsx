import type { Metadata } from 'next';
import { ConsentPage } from '../../components/consent/ConsentPage';

export const metadata: Metadata = { title: 'Consent' };

export default function Consent() {
  return <ConsentPage />;
}
