'use client';

import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { TemporalState } from 'zundo';
import type { EditorState, EditorStore } from '@/lib/editor/store';

const EditorStoreContext = createContext<EditorStore | null>(null);

/** Hands one editor store down to the panels and the canvas of one editor. */
export function EditorProvider({ store, children }: { store: EditorStore; children: ReactNode }) {
  return <EditorStoreContext.Provider value={store}>{children}</EditorStoreContext.Provider>;
}

export function useEditorStore(): EditorStore {
  const store = useContext(EditorStoreContext);
  if (!store) throw new Error('useEditorStore must be used inside <EditorProvider>');
  return store;
}

/** Subscribes to one narrow piece of the editor state. */
export function useEditor<T>(selector: (state: EditorState) => T): T {
  return useStore(useEditorStore(), selector);
}

type History = TemporalState<Pick<EditorState, 'graph'>>;
const selectCanUndo = (t: History) => t.pastStates.length > 0;
const selectCanRedo = (t: History) => t.futureStates.length > 0;

export function useCanUndo(): boolean {
  return useStore(useEditorStore().temporal, selectCanUndo);
}

export function useCanRedo(): boolean {
  return useStore(useEditorStore().temporal, selectCanRedo);
}
