'use client';

import { useCallback, useState } from 'react';
import { elkLayout } from '@/lib/editor/layout';
import { useEditorStore } from './editor-provider';

/**
 * Lays the design out left to right by traffic flow (ELK) as one undo step,
 * then fits the view. One implementation for every editor toolbar (the
 * sandbox, the interview and the lessons).
 */
export function useAutoLayout(): { layingOut: boolean; autoLayout: () => Promise<void> } {
  const store = useEditorStore();
  const [layingOut, setLayingOut] = useState(false);
  const autoLayout = useCallback(async () => {
    const s = store.getState();
    if (s.graph.nodes.length === 0) return;
    setLayingOut(true);
    try {
      const positions = await elkLayout(
        s.graph.nodes.map((n) => ({ id: n.id, width: n.measured?.width, height: n.measured?.height })),
        s.graph.edges,
      );
      store.getState().applyLayout(positions);
      store.getState().requestFit();
      store.getState().announce('Laid out the design from left to right.');
    } catch (e) {
      s.notify(`Auto-layout failed: ${e instanceof Error ? e.message : String(e)}`, 'error');
    } finally {
      setLayingOut(false);
    }
  }, [store]);
  return { layingOut, autoLayout };
}
