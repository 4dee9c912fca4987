'use client';

import { useEffect } from 'react';
import type { Notice } from '@/lib/editor/store';
import { useEditor, useEditorStore } from './editor-provider';

const TONE: Record<Notice['tone'], string> = {
  info: 'bg-slate-900 text-white',
  success: 'bg-healthy text-white',
  error: 'bg-saturated text-white',
};

function NoticeBox({ notice }: { notice: Notice }) {
  const store = useEditorStore();
  useEffect(() => {
    const t = setTimeout(() => store.getState().dismissNotice(), notice.tone === 'error' ? 6000 : 4000);
    return () => clearTimeout(t);
  }, [notice, store]);
  // Beside the pointer when the notice is about something the user just did there; else bottom centre.
  const style = notice.at
    ? {
        left: Math.max(8, Math.min(notice.at.x + 14, (typeof window === 'undefined' ? 1200 : window.innerWidth) - 336)),
        top: Math.max(8, Math.min(notice.at.y + 14, (typeof window === 'undefined' ? 800 : window.innerHeight) - 96)),
      }
    : undefined;
  return (
    <div
      className={`pointer-events-auto fixed z-50 flex max-w-xs items-start gap-3 rounded-lg px-3 py-2 text-sm font-medium shadow-lg ${TONE[notice.tone]} ${
        notice.at ? '' : 'bottom-6 left-1/2 max-w-md -translate-x-1/2'
      }`}
      style={style}
    >
      <span>{notice.message}</span>
      <button
        type="button"
        onClick={() => store.getState().dismissNotice()}
        className="-mr-1 shrink-0 rounded px-1 text-white/90 hover:bg-white/15 hover:text-white"
        aria-label="Dismiss"
      >
        ×
      </button>
    </div>
  );
}

/**
 * Notices live inside always-present live regions, so screen readers read
 * each one as it appears: errors assertively, the rest politely. The
 * announcer region carries messages that have nothing to show.
 */
export function Notices() {
  const notice = useEditor((s) => s.ui.notice);
  const announcement = useEditor((s) => s.ui.announcement);
  return (
    <>
      <div role="alert" aria-live="assertive" aria-atomic="true">
        {notice?.tone === 'error' ? <NoticeBox key={notice.id} notice={notice} /> : null}
      </div>
      <div role="status" aria-live="polite" aria-atomic="true">
        {notice && notice.tone !== 'error' ? <NoticeBox key={notice.id} notice={notice} /> : null}
      </div>
      <div className="sr-only" aria-live="polite" aria-atomic="true" data-testid="announcer">
        <span key={announcement.id}>{announcement.text}</span>
      </div>
    </>
  );
}
