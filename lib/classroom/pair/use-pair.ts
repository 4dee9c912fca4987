'use client';

import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useLive, type LiveEventMessage } from '@/lib/browser/use-live';
import type { Problem } from '@/lib/interview/schema';
import { PairClient } from './client';
import { fromBase64, readPair, type PairView, type Role } from './doc';

export { authHeader } from './client';

/**
 * One browser's side of a pair interview in React: the client (lib/classroom/pair/
 * client.ts) sends this side's edits; the live channel brings the other
 * side's, resuming after the last event seen when the connection drops and
 * starting from a snapshot when it cannot.
 */
export function usePairSession({ id, role, secret, problem }: { id: string; role: Role; secret: string | null; problem: Problem }) {
  const [client] = useState(() => new PairClient(id, role, secret));
  useEffect(() => {
    void client.start();
    return () => client.stop();
  }, [client]);
  const snap = useSyncExternalStore(client.subscribe, client.getSnapshot, client.getSnapshot);

  const onEvent = useCallback(
    (e: LiveEventMessage) => {
      const data = e.data as { update?: unknown } | null;
      if (e.type === 'update' && typeof data?.update === 'string') client.applyRemote(fromBase64(data.update));
    },
    [client],
  );
  const onSnapshot = useCallback(
    (d: unknown) => {
      const state = (d as { state?: unknown } | null)?.state;
      if (typeof state === 'string') client.applyRemote(fromBase64(state));
    },
    [client],
  );
  const streamUrl = snap.streamKey ? `/api/pair/${encodeURIComponent(id)}/stream?s=${encodeURIComponent(snap.streamKey)}` : null;
  const live = useLive(streamUrl, { onEvent, onSnapshot });

  const { doc, version } = snap;
  const view: PairView | null = useMemo(
    () => (doc ? readPair(doc, problem, id) : null),
    // `version` moves with every change of the document.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [doc, problem, id, version],
  );

  return { ...snap, view, connection: live.status };
}
