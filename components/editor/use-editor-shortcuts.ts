'use client';

import { useEffect, type RefObject } from 'react';
import {
  CLIPBOARD_TYPE,
  loadClipboard,
  offsetToPoint,
  parseClipboard,
  serializeClipboard,
  storeClipboard,
} from '@/lib/editor/clipboard';
import { pointerOver } from '@/lib/editor/pointer';
import type { EditorStore } from '@/lib/editor/store';

/** Typing in a field keeps the browser's own meaning of every key. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

const modalOpen = () => document.querySelector('dialog[open]') !== null;

/** Marks the root of an editor that may share its page with another (the teach form's starting and reference designs). */
const EDITOR_ROOT_ATTRIBUTE = 'data-editor-root';

/**
 * Whether a key or clipboard event is for the editor rooted at `root`: it
 * came from inside it, or from outside every editor while it is the page's
 * only one. Without a root (one editor per page) every event is.
 */
function isFor(root: HTMLElement | null | undefined, target: EventTarget | null): boolean {
  if (!root) return true;
  if (target instanceof Node && root.contains(target)) return true;
  const inAnother = target instanceof Element && target.closest(`[${EDITOR_ROOT_ATTRIBUTE}]`) !== null;
  return !inAnother && document.querySelectorAll(`[${EDITOR_ROOT_ATTRIBUTE}]`).length === 1;
}
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The editor's keyboard shortcuts (see lib/editor/shortcuts.ts) and copy /
 * cut / paste. Copy and paste use the clipboard events rather than keydown,
 * so they reach the system clipboard without a permission prompt and work
 * between tabs; a copy also goes to localStorage, used when a paste finds
 * the system clipboard empty. On a page with several editors, pass each one's
 * root (marked with data-editor-root): keys then act on the editor that
 * has focus, never on another one.
 */
export function useEditorShortcuts(store: EditorStore, enabled: boolean, root?: RefObject<HTMLElement | null>) {
  useEffect(() => {
    if (!enabled) return;

    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTyping(e.target) || modalOpen() || !isFor(root?.current, e.target)) return;
      if (e.target instanceof HTMLElement && e.target.closest('[role="menu"]')) return;
      const s = store.getState();
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();

      // On a focused card: F2 renames; Enter renames when it is already selected
      // (the first Enter selects it, as React Flow does).
      const nodeEl = e.target instanceof HTMLElement ? e.target.closest<HTMLElement>('.react-flow__node') : null;
      if (nodeEl?.dataset.id && !mod && (e.key === 'F2' || (e.key === 'Enter' && s.selection.nodeIds.includes(nodeEl.dataset.id)))) {
        e.preventDefault();
        e.stopPropagation();
        s.startEditingLabel(nodeEl.dataset.id);
        return;
      }

      if (mod && key === 'z' && !e.shiftKey) {
        e.preventDefault();
        s.undo();
      } else if ((mod && key === 'z' && e.shiftKey) || (e.ctrlKey && !e.metaKey && key === 'y')) {
        e.preventDefault();
        s.redo();
      } else if (mod && key === 'd') {
        e.preventDefault();
        if (s.selection.nodeIds.length > 0) {
          s.duplicateSelection();
          s.announce(`Duplicated ${plural(s.selection.nodeIds.length, 'component')}.`);
        }
      } else if (mod && key === 'a') {
        e.preventDefault();
        s.selectAll();
      } else if ((e.key === 'Delete' || e.key === 'Backspace') && !mod) {
        const { nodeIds, edgeIds } = s.selection;
        if (nodeIds.length + edgeIds.length === 0) return;
        e.preventDefault();
        s.deleteSelection();
        // The deleted card had focus; keep it in this editor (its root, or the
        // page's one canvas) rather than the page, so a screen reader stays put
        // and the next key, Undo say, still reaches the editor.
        requestAnimationFrame(() => {
          if (document.activeElement !== document.body) return;
          const home = root?.current ?? document.querySelector<HTMLElement>('[data-editor-canvas]');
          home?.focus({ preventScroll: true });
        });
        s.announce(`Deleted ${[nodeIds.length ? plural(nodeIds.length, 'component') : '', edgeIds.length ? plural(edgeIds.length, 'connection') : ''].filter(Boolean).join(' and ')}.`);
      } else if (mod && e.key === '\\') {
        e.preventDefault();
        s.toggleFocusMode();
      } else if (e.key === '?' && !mod) {
        e.preventDefault();
        s.setShortcutsOpen(true);
      } else if (e.key === 'Escape' && !mod) {
        s.clearSelection();
      }
    };

    const hasTextSelection = () => (window.getSelection()?.toString() ?? '') !== '';

    const onCopy = (e: ClipboardEvent, cut = false) => {
      if (isTyping(e.target) || hasTextSelection() || modalOpen() || !isFor(root?.current, e.target)) return;
      const s = store.getState();
      const payload = s.copySelection();
      if (!payload) return;
      e.preventDefault();
      e.clipboardData?.setData('text/plain', serializeClipboard(payload));
      storeClipboard(localStorage, payload);
      if (cut) s.deleteSelection();
      s.announce(`${cut ? 'Cut' : 'Copied'} ${plural(payload.nodes.length, 'component')}.`);
    };

    const onPaste = (e: ClipboardEvent) => {
      if (isTyping(e.target) || modalOpen() || !isFor(root?.current, e.target)) return;
      const text = e.clipboardData?.getData('text/plain') ?? '';
      // Another app's text on the clipboard means the user copied something else since: leave it.
      const payload = text ? parseClipboard(text) : loadClipboard(localStorage);
      if (!payload) {
        if (text.includes(CLIPBOARD_TYPE)) store.getState().notify('The clipboard holds a design fragment this editor cannot read.', 'error');
        return;
      }
      e.preventDefault();
      const s = store.getState();
      // At the pointer when it is over the canvas; otherwise clear of the originals.
      const at = pointerOver(store);
      s.pasteClipboard(payload, at ? offsetToPoint(payload, at) : undefined);
      s.announce(`Pasted ${plural(payload.nodes.length, 'component')}.`);
    };

    const onCut = (e: ClipboardEvent) => onCopy(e, true);
    // Capture: runs before React Flow's own key handling on a focused card.
    window.addEventListener('keydown', onKeyDown, true);
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCut);
    document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKeyDown, true);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCut);
      document.removeEventListener('paste', onPaste);
    };
  }, [store, enabled, root]);
}
