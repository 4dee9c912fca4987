'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { Design } from '@/lib/engine/data';
import { api } from './api';

/** The least time between two drafts sent (the server allows 12 in 10 s). */
export const DRAFT_INTERVAL_MS = 1_000;
/** How often a page whose scenario has live view off asks whether it was turned on. */
const LIVE_VIEW_CHECK_MS = 20_000;

export type DraftState = 'off' | 'idle' | 'sending' | 'sent' | 'waiting';

/**
 * The student's side of the live classroom: while the scenario's live view
 * is on, the design on the canvas is sent to the instructor at most once a
 * second (the newest one; changes in between are folded into it), and on a
 * refusal for speed after the time the server asks. While it is off nothing
 * is sent, and the page asks every 20 s whether the instructor turned it on.
 */
export function useDraftPublisher(slug: string, token: string | null, initiallyOn: boolean) {
  const [liveView, setLiveView] = useState<{ from: boolean; on: boolean }>({ from: initiallyOn, on: initiallyOn });
  const [state, setState] = useState<DraftState>('idle');
  const pending = useRef<Design | null>(null);
  const lastSent = useRef(0);
  const inFlight = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // The scenario as loaded wins when it changes (a reload of /me).
  const on = liveView.from === initiallyOn ? liveView.on : initiallyOn;
  const onRef = useRef(on);
  useEffect(() => {
    onRef.current = on;
  });

  const flushRef = useRef<() => void>(() => {});
  const later = (ms: number) => {
    timer.current = setTimeout(() => flushRef.current(), Math.max(0, ms));
  };
  const flush = useCallback(async () => {
    timer.current = null;
    if (inFlight.current || !pending.current || !token || !onRef.current) return;
    const wait = lastSent.current + DRAFT_INTERVAL_MS - Date.now();
    if (wait > 0) {
      later(wait);
      return;
    }
    const design = pending.current;
    pending.current = null;
    inFlight.current = true;
    lastSent.current = Date.now();
    setState('sending');
    const res = await api(`/api/scenarios/${slug}/draft`, { body: { design }, studentToken: token, headers: {} });
    inFlight.current = false;
    if (res.ok || res.status === 422) setState('sent');
    else if (res.status === 409) {
      setLiveView({ from: initiallyOn, on: false });
      setState('idle');
      return;
    } else {
      // Too fast, busy or offline: keep the newest design and try again later.
      pending.current ??= design;
      lastSent.current = Date.now() + (res.status === 429 || res.status === 503 ? 2_000 : 4_000);
      setState('waiting');
    }
    if (pending.current && !timer.current) later(lastSent.current + DRAFT_INTERVAL_MS - Date.now());
  }, [slug, token, initiallyOn]);
  useEffect(() => {
    flushRef.current = () => void flush();
  }, [flush]);

  const latest = useRef<Design | null>(null);
  const push = useCallback(
    (design: Design) => {
      latest.current = design;
      pending.current = design;
      if (!timer.current) void flush();
    },
    [flush],
  );

  // Turned on while the page is open: send what is on the canvas now.
  useEffect(() => {
    if (on && latest.current) {
      pending.current = latest.current;
      if (!timer.current) void flush();
    }
  }, [on, flush]);

  // While off, ask now and then whether the instructor turned live view on.
  useEffect(() => {
    if (on || !token) return;
    const t = setInterval(() => {
      if (document.visibilityState !== 'visible') return;
      void api<{ liveView: boolean }>(`/api/scenarios/${slug}`).then((res) => {
        if (res.ok && res.data.liveView) setLiveView({ from: initiallyOn, on: true });
      });
    }, LIVE_VIEW_CHECK_MS);
    return () => clearInterval(t);
  }, [on, token, slug, initiallyOn]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  return { on, state: on ? state : ('off' as DraftState), push };
}

/** Tells the student, plainly, that the instructor sees their work as they go. */
export function LiveViewNotice({ on, state }: { on: boolean; state: DraftState }) {
  if (!on) return null;
  return (
    <p
      role="status"
      data-testid="live-view-notice"
      className="flex items-center gap-2 border-b border-brand-100 bg-brand-50 px-4 py-2 text-sm text-brand-700"
    >
      <span aria-hidden="true" className="inline-block h-2.5 w-2.5 shrink-0 rounded-full bg-brand-600" />
      <span>
        <span className="font-semibold">Live view is on:</span> your instructor sees your design and its score as you work.
        {state === 'waiting' ? ' (Reconnecting; your latest design will be sent.)' : ''}
      </span>
    </p>
  );
}
