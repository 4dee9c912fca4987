'use client';

import { nodeById, type EditorState } from '@/lib/editor/store';
import { technologyTag } from '@/lib/editor/technology-view';
import { useEditor } from './editor-provider';

/** The technology a node's card shows ("Redis", "generic"), or null for a kind without choices or a node that is gone. */
export function useTechnologyText(nodeId: string | null): string | null {
  return useEditor((s: EditorState) => {
    const n = nodeById(s, nodeId);
    return n ? (technologyTag(n.data.kind, n.data.params.technology)?.text ?? null) : null;
  });
}

/**
 * " · Redis" after a node's name where the results list it; nothing for a
 * generic component (as designs read before technologies existed), unless
 * `generic` asks to say so.
 */
export function TechnologyAfterName({ nodeId, generic = false }: { nodeId: string; generic?: boolean }) {
  const text = useTechnologyText(nodeId);
  const store = useEditor((s: EditorState) => nodeById(s, nodeId)?.data.params.technology);
  if (!text || (!store && !generic)) return null;
  return (
    <span className={store ? 'font-normal text-slate-700' : 'font-normal italic text-slate-600'} data-technology-of={nodeId}>
      {' · '}
      {text}
    </span>
  );
}
