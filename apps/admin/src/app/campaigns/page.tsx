import type { Metadata } from 'next';
import { CampaignsPage } from '../../components/campaigns/CampaignsPage';

export const metadata: Metadata = { title: 'Campaigns' };

export default function Campaigns() {
  return <CampaignsPage />;
}
