import type { Metadata } from 'next';
import { CleanupPage } from '../../components/cleanup/CleanupPage';

export const metadata: Metadata = { title: 'Cleanup' };

export default function Cleanup() {
  return <CleanupPage />;
}
