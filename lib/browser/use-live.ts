'use client';
import { useEffect, useRef, useState } from 'react';

/**
 * The browser's side of the live channel (lib/server/live/channel.ts): an
 * EventSource on `url`, calling `onEvent` for each LiveEvent and
 * `onSnapshot` for a snapshot. EventSource reconnects by itself after a
 * dropped connection and resends the last id it saw (Last-Event-ID), so the
 * server sends exactly what was missed. When the server refuses a reconnect
 * (an answer that is not a stream: it restarted, or a short-lived stream
 * address expired), EventSource gives up; this hook then opens a new one
 * after a pause (1 s, doubling to 15 s), asking for the events after the
 * last id it saw (`?after=`), so nothing is lost that way either.
 *
 * `url` may be a function that makes the address (for example, fetching a
 * fresh stream ticket): it is called for each new EventSource. Null: not
 * connected. Events already seen (an id not above the last) are dropped.
 */
export interface LiveEventMessage {
  id: string;
  topic: string;
  type: string;
  data: unknown;
  at: string;
}

export type LiveStatus = 'connecting' | 'open' | 'reconnecting';

export interface UseLiveOptions {
  onEvent(e: LiveEventMessage): void;
  onSnapshot?(data: unknown): void;
}

/** Pauses before opening a new EventSource after one gave up, by attempt. */
const BACKOFF_MS = [1_000, 2_000, 4_000, 8_000, 15_000];

function withAfter(url: string, after: string | null): string {
  if (after === null) return url;
  const u = new URL(url, window.location.href);
  u.searchParams.set('after', after);
  return u.pathname + u.search;
}

export function useLive(url: string | null | (() => Promise<string | null>), options: UseLiveOptions): { status: LiveStatus; lastEventId: string | null } {
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const [lastEventId, setLastEventId] = useState<string | null>(null);
  const handlers = useRef(options);
  useEffect(() => {
    handlers.current = options;
  });

  useEffect(() => {
    if (url === null) return;
    let source: EventSource | null = null;
    let stopped = false;
    let last: string | null = null;
    let attempt = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;

    const seen = (id: string) => last !== null && /^\d+$/.test(id) && BigInt(id) <= BigInt(last);
    const remember = (id: string) => {
      if (!/^\d+$/.test(id)) return;
      last = id;
      setLastEventId(id);
    };

    const retryLater = () => {
      if (stopped || timer) return;
      setStatus('reconnecting');
      const wait = BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)];
      attempt++;
      timer = setTimeout(() => {
        timer = null;
        void connect();
      }, wait);
    };

    async function connect() {
      let address: string | null;
      try {
        address = typeof url === 'function' ? await url() : url;
      } catch {
        return retryLater();
      }
      if (stopped) return;
      if (address === null) return retryLater();
      const es = new EventSource(withAfter(address, last));
      source = es;
      es.onopen = () => {
        attempt = 0;
        setStatus('open');
      };
      es.addEventListener('live', (m: MessageEvent<string>) => {
        if (m.lastEventId && seen(m.lastEventId)) return;
        let event: LiveEventMessage;
        try {
          event = JSON.parse(m.data) as LiveEventMessage;
        } catch {
          return;
        }
        remember(m.lastEventId || event.id);
        handlers.current.onEvent(event);
      });
      es.addEventListener('snapshot', (m: MessageEvent<string>) => {
        if (m.lastEventId) remember(m.lastEventId);
        try {
          handlers.current.onSnapshot?.(JSON.parse(m.data) as unknown);
        } catch {
          /* a snapshot that is not JSON is ignored */
        }
      });
      es.onerror = () => {
        if (stopped) return;
        if (es.readyState === EventSource.CLOSED) {
          // Given up (an answer that was not a stream): a new EventSource, after a pause.
          es.close();
          if (source === es) source = null;
          retryLater();
        } else setStatus('reconnecting'); // EventSource is reconnecting by itself, with Last-Event-ID
      };
    }

    void connect();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      source?.close();
    };
    // A new function each render would reconnect each render: callers pass a stable url or callback.
  }, [url]);

  return { status, lastEventId };
}
