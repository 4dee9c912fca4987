import type { Metadata } from 'next';
import { ManageDashboard } from '@/components/scenarios/manage-dashboard';

export const metadata: Metadata = { title: 'Manage scenario' };

/**
 * The instructor's dashboard. The key is in the URL fragment (`#key=…`),
 * which browsers never send: the page is a shell, and the dashboard reads
 * the key in the browser and sends it as a header.
 */
export default async function ManageScenarioPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return <ManageDashboard slug={slug} />;
}
