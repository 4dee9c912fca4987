'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { describeNotices, type DesignNotice } from '@/lib/design/schema';
import type { Design } from '@/lib/engine/data';
import { sameDesign } from '@/lib/editor/autosave';
import { readSandboxLesson, sandboxSlot, takeHandoff, writeHandoff, writeSandboxLesson, type LessonRef } from '@/lib/editor/session';
import { designOf, selectNodeCount, type EditorStore } from '@/lib/editor/store';
import { designJson, downloadText, fileStem } from '@/lib/editor/files';
import { REFERENCE_DESIGNS } from '@/lib/learn/reference-designs';
import { CanvasStatus } from '@/components/results/canvas-status';
import { InspectAndResults } from '@/components/results/side-tabs';
import { EditorSession, EditorShell } from './editor-shell';
import { useEditor, useEditorStore } from './editor-provider';
import { OtherTabBanner } from './other-tab-banner';
import { Toolbar } from './toolbar';
import { useAddNode } from './use-add-node';
import { useDesignSession } from './use-design-session';

export interface SharedCopy {
  id: string;
  title: string;
  design: Design;
  /** What loading the shared design dropped (a param its kind does not take). */
  notices?: DesignNotice[];
  /** Where it comes from: a shared link (default) or a lesson in this tab. */
  from?: 'link' | 'lesson';
}

/** The way back to the lesson the sandbox's design came from. */
function FromLessonBar({ lesson, onBack, onDismiss }: { lesson: LessonRef; onBack(): void; onDismiss(): void }) {
  return (
    <div role="region" aria-label="From a lesson" className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-brand-100 bg-brand-50 px-4 py-2 text-sm text-slate-800">
      <p className="min-w-0 flex-1 basis-64">
        This design came from the lesson <strong className="font-semibold">“{lesson.title}”</strong>. Try it at any load here, then take it back.
      </p>
      <div className="flex flex-wrap gap-2">
        <button type="button" onClick={onBack} className="rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700">
          Back to the lesson with this design
        </button>
        <button type="button" onClick={onDismiss} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-800 hover:bg-slate-50">
          Stay here
        </button>
      </div>
    </div>
  );
}

/**
 * Moves focus to a card once React Flow has drawn it. The empty-state card's
 * buttons vanish with the first component, and focus would fall to the page.
 */
function focusNodeWhenDrawn(id: string, frames = 10) {
  requestAnimationFrame(() => {
    const el = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
    if (el && getComputedStyle(el).visibility !== 'hidden') el.focus();
    else if (frames > 0) focusNodeWhenDrawn(id, frames - 1);
  });
}

function EmptyState() {
  const store = useEditorStore();
  const count = useEditor(selectNodeCount);
  const hydrated = useEditor((s) => s.ui.hydrated);
  const add = useAddNode();
  if (!hydrated || count > 0) return null;
  return (
    // The bottom padding keeps the card clear of the zoom controls in the bottom-left corner (a phone's canvas is barely taller than the card).
    <div className="pointer-events-none absolute inset-0 z-10 flex flex-col items-center overflow-y-auto px-4 pb-28 pt-4 sm:px-6 sm:pt-6" data-testid="empty-canvas">
      <div className="pointer-events-auto my-auto max-w-md rounded-xl border border-slate-200 bg-white/95 p-5 text-center shadow-lg sm:p-6">
        <h2 className="text-lg font-semibold text-slate-900">Start your design</h2>
        <p className="mt-2 text-sm leading-relaxed text-slate-700">
          Add components from the palette: drag one onto the canvas, or select it and press Enter (on a tablet, tap it). Then
          drag from the dot on a card&rsquo;s right edge to another card to send traffic between them.
        </p>
        <div className="mt-4 flex flex-wrap justify-center gap-2">
          <button
            type="button"
            onClick={() => {
              const id = add('users');
              if (id) focusNodeWhenDrawn(id);
            }}
            className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700"
          >
            Add Users, where traffic starts
          </button>
          <button
            type="button"
            onClick={() => {
              store.getState().setPanel('palette', true);
              document.querySelector<HTMLInputElement>('#editor-palette input[type="search"]')?.focus();
            }}
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50"
          >
            Browse components
          </button>
        </div>
        {REFERENCE_DESIGNS.length > 0 ? (
          <div className="mt-5 border-t border-slate-200 pt-4">
            <p className="text-sm font-medium text-slate-800">Or start from a stage&rsquo;s reference design</p>
            <ul className="mt-2 flex flex-wrap justify-center gap-1.5">
              {REFERENCE_DESIGNS.map((r) => (
                <li key={r.stage}>
                  <button
                    type="button"
                    title={`${r.title} (${r.users} users)`}
                    onClick={() => {
                      store.getState().loadDesign(r.design, 'record');
                      if (r.design.nodes[0]) focusNodeWhenDrawn(r.design.nodes[0].id);
                    }}
                    className="rounded-md border border-slate-300 px-2.5 py-1 text-sm text-slate-800 hover:border-brand-500 hover:bg-brand-50"
                  >
                    Stage {r.stage}
                    <span className="sr-only">: {r.title}</span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </div>
  );
}

/** Asks before a shared copy replaces the user's own design: open it, save theirs as a file first, or keep theirs. */
function SharedCopyOffer({ copy, onOpen, onKeep }: { copy: SharedCopy; onOpen(saveFirst: boolean): void; onKeep(): void }) {
  const name = useEditor((s) => s.graph.meta.name);
  const count = useEditor(selectNodeCount);
  const BTN = 'rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-800 hover:bg-slate-50';
  return (
    <div role="alert" className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-950">
      <p className="min-w-0 flex-1 basis-64">
        <strong className="font-semibold">Opening a copy of “{copy.title}” replaces your own design</strong> ({name ? `“${name}”, ` : ''}
        {count} {count === 1 ? 'component' : 'components'}), which is on the canvas now. The sandbox holds one design at a time.
      </p>
      <div className="flex flex-wrap gap-2">
        <button type="button" onClick={() => onOpen(true)} className="rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700">
          Save mine as a file, then open the copy
        </button>
        <button type="button" onClick={() => onOpen(false)} className={BTN}>
          Open the copy
        </button>
        <button type="button" onClick={onKeep} className={BTN}>
          Keep my design
        </button>
      </div>
    </div>
  );
}

/** The sandbox editor: palette, canvas, inspector and results around one editor store, saved in this browser. */
export function Sandbox({
  shared = null,
  sharedError = null,
  fromLesson = null,
}: {
  shared?: SharedCopy | null;
  sharedError?: string | null;
  /** The lesson (id) that handed its design over in this tab (`/play?lesson=…`). */
  fromLesson?: string | null;
}) {
  const router = useRouter();
  /** The lesson the design on the canvas came from: the sandbox offers the way back. */
  const [lesson, setLesson] = useState<LessonRef | null>(null);
  const rememberLesson = (ref: LessonRef | null) => {
    writeSandboxLesson(sessionStorage, ref);
    setLesson(ref);
  };
  /** A shared design waiting for the user's answer before it replaces their own. */
  const [offer, setOffer] = useState<SharedCopy | null>(null);
  const openCopy = (store: EditorStore, copy: SharedCopy, replacing: boolean) => {
    const s = store.getState();
    if (copy.from === 'lesson') rememberLesson({ lessonId: copy.id, title: copy.title, href: `/learn/${copy.id}` });
    s.loadDesign(copy.design, replacing ? 'record' : 'reset');
    const dropped = copy.notices && copy.notices.length > 0 ? ` ${describeNotices(copy.notices)}` : '';
    const opened = copy.from === 'lesson' ? `Opened your design from the lesson “${copy.title}”` : `Opened a copy of “${copy.title}”`;
    s.notify(`${opened}. It is yours to edit${replacing ? '; Undo brings back your previous design' : ''}.${dropped}`, dropped ? 'info' : 'success');
  };
  // Restore the autosaved design, then a shared copy if the URL asked for one; autosave from then on.
  const { store, banner, session } = useDesignSession({
    slot: () => sandboxSlot(localStorage),
    onRestored: (saved, store) => {
      const handed = fromLesson ? takeHandoff(sessionStorage, 'sandbox', fromLesson) : null;
      const incoming: SharedCopy | null = handed
        ? { id: handed.lessonId, title: handed.title, design: handed.design, notices: handed.notices, from: 'lesson' }
        : shared;
      if (!handed) setLesson(readSandboxLesson(sessionStorage));
      if (incoming) {
        const own = saved.status === 'ok' && saved.design.nodes.length > 0;
        // A design of the user's own would be replaced: they choose first (the sandbox holds one design).
        if (own && !sameDesign(saved.design, incoming.design)) setOffer(incoming);
        else openCopy(store, incoming, own);
        router.replace('/play', { scroll: false });
      } else if (fromLesson) {
        router.replace('/play', { scroll: false });
      }
      if (!incoming && sharedError) {
        store.getState().notify(sharedError, 'error');
        router.replace('/play', { scroll: false });
      }
    },
  });

  return (
    <EditorSession store={store}>
      <EditorShell
        className="h-[calc(100dvh-3.5rem-1px)] min-h-[420px]"
        heading={<h1 className="sr-only">Sandbox: design a system</h1>}
        toolbar={{ variant: 'full', element: <Toolbar /> }}
        banner={
          <>
            {banner ? <OtherTabBanner {...banner} /> : null}
            {offer ? (
              <SharedCopyOffer
                copy={offer}
                onOpen={(saveFirst) => {
                  if (saveFirst) {
                    const s = store.getState();
                    downloadText(designJson(designOf(s)), `${fileStem(s.graph.meta.name)}.json`);
                  }
                  setOffer(null);
                  openCopy(store, offer, true);
                }}
                onKeep={() => {
                  setOffer(null);
                  store
                    .getState()
                    .notify(`Kept your design. “${offer.title}” is still ${offer.from === 'lesson' ? 'in its lesson' : 'at its link'}.`, 'info');
                }}
              />
            ) : null}
            {lesson && !offer ? (
              <FromLessonBar
                lesson={lesson}
                onBack={() => {
                  session?.flush();
                  const sent = writeHandoff(sessionStorage, { to: 'lesson', ...lesson, design: designOf(store.getState()) });
                  if (!sent.ok) {
                    store.getState().notify(`The design could not be handed back to the lesson: ${sent.error}.`, 'error');
                    return;
                  }
                  rememberLesson(null);
                  router.push(lesson.href);
                }}
                onDismiss={() => rememberLesson(null)}
              />
            ) : null}
          </>
        }
        overlays={
          <>
            <EmptyState />
            <CanvasStatus />
          </>
        }
        side={<InspectAndResults />}
        sideLabel="Inspector and results"
      />
    </EditorSession>
  );
}
