import type { Metadata } from 'next';
import { LiveCanvas } from '@/components/scenarios/live-canvas';

export const metadata: Metadata = { title: 'Live canvas' };

/**
 * One student's design as they work, read-only, for the instructor (a
 * projector, say). Like the dashboard, the manage key is in the fragment
 * (`#key=…`), read in the browser and sent as a header.
 */
export default async function LiveCanvasPage({ params }: { params: Promise<{ slug: string; studentId: string }> }) {
  const { slug, studentId } = await params;
  return <LiveCanvas slug={slug} studentId={studentId} />;
}
