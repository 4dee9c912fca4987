import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { StudentWorkspace } from '@/components/scenarios/student-workspace';
import { findScenario, toPublicScenario } from '@/lib/classroom/scenarios/repository';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }> };

// One database read per request, shared by the metadata and the page.
const load = cache(findScenario);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const rec = await load((await params).slug);
  return { title: rec ? rec.row.title : 'Scenario not found' };
}

/** The student link: the brief, then the canvas within the scenario's rules. */
export default async function StudentScenarioPage({ params }: Props) {
  const rec = await load((await params).slug);
  if (!rec) notFound();
  return <StudentWorkspace initial={toPublicScenario(rec)} />;
}
