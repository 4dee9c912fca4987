import { cache } from 'react';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { SharedDesignView } from '@/components/editor/shared-design-view';
import { loadDesign, RETENTION_DAYS } from '@/lib/server/designs';

/** Every request reads the database: opening the page is what keeps the design. */
export const dynamic = 'force-dynamic';

/** One database read per request, shared by the metadata and the page; the view is recorded once. */
const load = cache((id: string) => loadDesign(id, { recordView: true }));

interface Props {
  params: Promise<{ id: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const saved = await load(id);
  return { title: saved ? `${saved.title} (shared design)` : 'Design not found' };
}

/** A shared design, read-only, with a way to open an editable copy in the sandbox. */
export default async function SharedDesignPage({ params }: Props) {
  const { id } = await params;
  const saved = await load(id);
  if (!saved) notFound();
  return (
    <SharedDesignView
      id={saved.id}
      title={saved.title}
      design={saved.design}
      createdAt={saved.createdAt}
      notices={saved.notices}
      retention={{ days: RETENTION_DAYS, keptUntil: saved.keptUntil }}
    />
  );
}
