'use client';

import '@xyflow/react/dist/style.css';
import '@/components/editor/editor.css';
import Link from 'next/link';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import type { Design } from '@/lib/engine/data';
import { createEditorStore, type EditorStore } from '@/lib/editor/store';
import type { DraftDetail } from '@/lib/classroom/scenarios/live';
import { useLive, type LiveEventMessage } from '@/lib/browser/use-live';
import { useHashParam } from '@/lib/browser/browser-state';
import { Canvas } from '@/components/editor/canvas';
import { EditorProvider } from '@/components/editor/editor-provider';
import { api } from './api';
import { PassPill } from './grade-view';
import { ago, LiveConnection } from './live-status';

interface Detail {
  student: { id: string; displayName: string };
  draft: DraftDetail | null;
}

/** A read-only canvas that follows `design`: re-fitted when components come or go, so nothing is off screen. */
function FollowingCanvas({ design }: { design: Design }) {
  const [store] = useState<EditorStore>(() => createEditorStore({ design, readOnly: true }));
  const shown = useRef<{ design: Design; nodes: number }>({ design, nodes: design.nodes.length });
  useEffect(() => {
    store.getState().setHydrated();
    store.getState().requestFit();
  }, [store]);
  useEffect(() => {
    if (shown.current.design === design) return;
    const grew = shown.current.nodes !== design.nodes.length;
    shown.current = { design, nodes: design.nodes.length };
    store.getState().loadDesign(design, 'reset');
    if (grew) store.getState().requestFit();
  }, [design, store]);
  return (
    <EditorProvider store={store}>
      <ReactFlowProvider>
        <section aria-label="Student’s design (read-only, live)" data-editor-canvas="" className="relative h-full min-h-0 w-full">
          <Canvas readOnly />
        </section>
      </ReactFlowProvider>
    </EditorProvider>
  );
}

/** One student's live canvas for the instructor: the design as it changes, its score, the connection. */
export function LiveCanvas({ slug, studentId }: { slug: string; studentId: string }) {
  const key = useHashParam('key');
  const [detail, setDetail] = useState<{ key: string; data: Detail } | null>(null);
  const [error, setError] = useState<{ key: string; message: string; status: number } | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const loading = useRef<{ running: boolean; again: boolean }>({ running: false, again: false });

  const load = useCallback(async () => {
    if (!key) return;
    if (loading.current.running) {
      loading.current.again = true;
      return;
    }
    loading.current.running = true;
    do {
      loading.current.again = false;
      const res = await api<Detail>(`/api/scenarios/${slug}/manage/live/${studentId}`, { manageKey: key });
      if (res.ok) {
        setDetail({ key, data: res.data });
        setError(null);
      } else setError({ key, message: res.error, status: res.status });
    } while (loading.current.again);
    loading.current.running = false;
  }, [key, slug, studentId]);

  useEffect(() => {
    void Promise.resolve().then(load);
  }, [load]);

  const streamUrl = useCallback(async () => {
    if (!key) return null;
    const res = await api<{ stream: string }>(`/api/scenarios/${slug}/manage/live`, { manageKey: key });
    return res.ok ? res.data.stream : null;
  }, [key, slug]);

  const { status } = useLive(key ? streamUrl : null, {
    onEvent(e: LiveEventMessage) {
      if (e.type === 'draft' && (e.data as { studentId?: string }).studentId === studentId) void load();
    },
    // After a gap (a first connection, or one older than what the server keeps): read the draft again.
    onSnapshot: () => void load(),
  });

  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 5_000);
    return () => clearInterval(t);
  }, []);

  const data = detail && detail.key === key ? detail.data : null;
  const failure = error && error.key === key ? error : null;

  if (key === null || (failure && !data)) {
    return (
      <div className="mx-auto w-full max-w-3xl px-4 py-16">
        <h1 className="text-2xl font-semibold text-slate-900">
          {key === null ? 'This link has no manage key' : failure?.status === 404 ? 'This live canvas cannot be opened' : 'The live canvas could not be loaded'}
        </h1>
        <p className="mt-2 text-slate-700">
          {key === null
            ? 'Open it from the Watch link on your dashboard; the link ends with #key=….'
            : failure?.status === 404
              ? 'The student may have been removed, or the manage key replaced. Open it again from the dashboard.'
              : failure?.message}
        </p>
        <Link href={`/s/${slug}/manage${key ? `#key=${key}` : ''}`} className="mt-6 inline-block rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white">
          Back to the dashboard
        </Link>
      </div>
    );
  }
  if (!data) return <p className="px-4 py-16 text-center text-slate-600">Loading the live canvas…</p>;

  const d = data.draft;
  return (
    <div className="flex h-[calc(100dvh-3.5rem-1px)] min-h-[420px] flex-col overflow-hidden bg-slate-50">
      <div className="flex shrink-0 flex-wrap items-center gap-x-6 gap-y-2 border-b border-slate-200 bg-white px-4 py-3">
        <div className="min-w-0">
          <p className="text-xs font-semibold uppercase tracking-wide text-brand-600">Live canvas · read-only</p>
          <h1 className="truncate text-2xl font-semibold text-slate-900">{data.student.displayName}</h1>
        </div>
        {d ? (
          <div className="flex items-center gap-3" aria-live="polite">
            <span className="text-3xl font-semibold tabular-nums text-slate-900" data-testid="live-score">
              {d.score === null ? '—' : Math.round(d.score * 10) / 10}
            </span>
            {d.passed !== null ? <PassPill passed={d.passed} /> : null}
            <span className="text-sm text-slate-600">
              {d.components} components · changed <time dateTime={d.updatedAt}>{ago(d.updatedAt, now)}</time>
            </span>
          </div>
        ) : null}
        <div className="ml-auto flex items-center gap-4">
          <LiveConnection status={status} />
          <Link href={`/s/${slug}/manage#key=${key}`} className="text-sm font-medium text-brand-700 underline">
            Dashboard
          </Link>
        </div>
        {d?.status === 'invalid' ? (
          <p role="status" className="basis-full text-sm text-amber-900">
            The newest draft cannot be graded ({(d.issue ?? '').split('\n')[0]}); this shows the last one that could.
          </p>
        ) : null}
      </div>
      <div className="min-h-0 flex-1">
        {d ? (
          <FollowingCanvas design={d.design} />
        ) : (
          <p className="px-4 py-16 text-center text-lg text-slate-600">
            {data.student.displayName} has not changed their design since live view was turned on. It appears here as soon as they do.
          </p>
        )}
      </div>
    </div>
  );
}
