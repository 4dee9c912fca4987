import type { Metadata } from 'next';
import { Sandbox, type SharedCopy } from '@/components/editor/sandbox';
import { loadDesign, RETENTION_DAYS } from '@/lib/server/designs';

export const metadata: Metadata = {
  title: 'Sandbox',
  description: 'Drag components onto a canvas, wire them together and see how your design copes.',
};

/**
 * The sandbox. `?from={id}` opens an editable copy of a shared design
 * (loaded here, on the server); `?lesson={id}` takes the design a lesson
 * handed over in this tab; everything else happens in the client editor.
 */
export default async function PlayPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { from, lesson } = await searchParams;
  let shared: SharedCopy | null = null;
  let sharedError: string | null = null;
  if (typeof from === 'string' && from) {
    try {
      const saved = await loadDesign(from, { recordView: true }); // opening a copy keeps the shared design
      if (saved) shared = { id: saved.id, title: saved.title, design: saved.design, notices: saved.notices };
      else sharedError = `That shared design was not found, so nothing was opened. Check the link; a shared design nobody opens for ${RETENTION_DAYS} days is deleted.`;
    } catch {
      sharedError = 'That shared design could not be opened: it no longer validates.';
    }
  }
  return <Sandbox shared={shared} sharedError={sharedError} fromLesson={typeof lesson === 'string' && lesson ? lesson : null} />;
}
