'use client';

import { useRef, useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import { describeNotices, type DesignIssue, type DesignNotice } from '@/lib/design/schema';
import type { Design } from '@/lib/engine/data';
import { designJson, download, downloadText, fileStem, readDesignFile } from '@/lib/editor/files';
import { shareDesign, type ShareResult } from '@/lib/editor/share';
import type { EditorNode } from '@/lib/editor/types';
import { designOf, selectMeta, selectNodeCount, type PanelName } from '@/lib/editor/store';
import { REFERENCE_DESIGNS } from '@/lib/learn/reference-designs';
import { Dialog } from './dialog';
import { useCanRedo, useCanUndo, useEditor, useEditorStore } from './editor-provider';
import { MenuButton, type MenuItem } from './menu-button';
import { fromKeyboard, togglePanelAt, usePanelShown } from './side-panel';
import { useAutoLayout } from './use-auto-layout';
import { Glyph, type GlyphName } from './ui-icons';
import { useScoringView } from '@/components/results/scoring-context';

// Below 360 px (the narrowest phones, 320 px) the buttons, the name field and Share lose a little padding so the whole toolbar fits.
const BUTTON =
  'inline-flex h-9 shrink-0 items-center gap-1.5 whitespace-nowrap rounded-md px-2 max-[360px]:px-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900 disabled:cursor-not-allowed disabled:text-slate-400 disabled:hover:bg-transparent';

function ToolButton({
  icon,
  label,
  onClick,
  disabled,
  shortcut,
  keyshortcuts,
  showLabel = 'xl',
  pressed,
}: {
  icon: GlyphName;
  label: string;
  onClick(e: React.MouseEvent<HTMLButtonElement>): void;
  disabled?: boolean;
  shortcut?: string;
  keyshortcuts?: string;
  showLabel?: 'always' | 'md' | 'xl' | 'never';
  pressed?: boolean;
}) {
  const labelClass =
    showLabel === 'always' ? '' : showLabel === 'md' ? 'sr-only md:not-sr-only' : showLabel === 'xl' ? 'sr-only xl:not-sr-only xl:whitespace-nowrap' : 'sr-only';
  return (
    <button
      type="button"
      className={BUTTON}
      onClick={onClick}
      disabled={disabled}
      title={shortcut ? `${label} (${shortcut})` : label}
      aria-keyshortcuts={keyshortcuts}
      aria-pressed={pressed}
    >
      <Glyph name={icon} />
      <span className={labelClass}>{label}</span>
    </button>
  );
}

function DesignName() {
  const store = useEditorStore();
  const meta = useEditor(selectMeta);
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    store.getState().renameDesign(draft.slice(0, 200));
    setDraft(null);
  };
  return (
    <input
      aria-label="Design name"
      value={draft ?? meta.name ?? ''}
      placeholder="Untitled design"
      maxLength={200}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.currentTarget.blur();
        if (e.key === 'Escape') setDraft(null);
      }}
      title={meta.name}
      className="h-9 w-[4.5rem] max-[360px]:w-14 shrink-0 truncate rounded-md border border-transparent bg-transparent px-2 text-sm font-semibold text-slate-900 placeholder:text-slate-500 hover:border-slate-300 focus:border-slate-300 focus:bg-white sm:w-24 lg:w-44 xl:w-72"
    />
  );
}

function ShareDialog({ state, onClose }: { state: ShareResult | 'saving' | null; onClose(): void }) {
  const [copied, setCopied] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const url = state && state !== 'saving' && state.ok ? `${window.location.origin}${state.path}` : '';
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      inputRef.current?.select();
      document.execCommand('copy');
    }
    setCopied(true);
  };
  return (
    <Dialog
      open={state !== null}
      onClose={() => {
        setCopied(false);
        onClose();
      }}
      title="Share this design"
    >
      {state === 'saving' ? (
        <p className="text-sm text-slate-700" role="status">
          Saving a copy…
        </p>
      ) : state?.ok ? (
        <div>
          <p className="text-sm text-slate-700">
            Anyone with this link can open a read-only copy. Later changes here do not change it; share again to send a new version.
          </p>
          <label htmlFor="share-link" className="mt-4 block text-sm font-medium text-slate-800">
            Link
          </label>
          <div className="mt-1 flex gap-2">
            <input
              ref={inputRef}
              id="share-link"
              readOnly
              value={url}
              onFocus={(e) => e.currentTarget.select()}
              className="min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-2.5 py-1.5 font-mono text-sm text-slate-900"
            />
            <button
              type="button"
              onClick={copy}
              className="inline-flex items-center gap-1.5 rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700"
            >
              <Glyph name="copy" className="h-4 w-4" />
              Copy link
            </button>
          </div>
          <p className="mt-2 h-5 text-sm text-healthy" role="status">
            {copied ? 'Link copied to the clipboard.' : ''}
          </p>
          <a href={state.path} target="_blank" rel="noopener" className="text-sm font-medium text-brand-700 underline hover:text-brand-600">
            Open the shared design in a new tab
          </a>
        </div>
      ) : state ? (
        <div role="alert">
          <p className="text-sm font-medium text-saturated">{state.message}</p>
          {state.issues.length > 0 ? <IssueList issues={state.issues} /> : null}
        </div>
      ) : null}
    </Dialog>
  );
}

function IssueList({ issues }: { issues: DesignIssue[] }) {
  return (
    <ul className="mt-3 space-y-1 text-sm">
      {issues.map((i, n) => (
        <li key={n} className="rounded bg-red-50 px-2 py-1 text-slate-800">
          {i.path ? <code className="mr-1.5 font-mono text-xs font-semibold text-saturated">{i.path}</code> : null}
          {i.message}
        </li>
      ))}
    </ul>
  );
}

function ImportErrorDialog({ error, onClose }: { error: { file: string; issues: DesignIssue[] } | null; onClose(): void }) {
  return (
    <Dialog
      open={error !== null}
      onClose={onClose}
      title="This file is not a valid design"
      wide
      footer={
        <button type="button" onClick={onClose} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
          OK
        </button>
      }
    >
      {error ? (
        <div>
          <p className="text-sm text-slate-700">
            <span className="font-medium text-slate-900">{error.file}</span> could not be imported. Your current design has not changed.{' '}
            {error.issues.length === 1 ? 'One problem was found:' : `${error.issues.length} problems were found:`}
          </p>
          <IssueList issues={error.issues} />
        </div>
      ) : null}
    </Dialog>
  );
}

export function Toolbar() {
  const store = useEditorStore();
  const canUndo = useCanUndo();
  const canRedo = useCanRedo();
  const nodeCount = useEditor(selectNodeCount);
  const paletteShown = usePanelShown('palette', 'lg');
  const inspectorShown = usePanelShown('inspector', 'lg');
  const focusMode = useEditor((s) => s.ui.collapsed.palette && s.ui.collapsed.inspector);
  const { getNodes } = useReactFlow();
  const scoringStage = useScoringView((v) => v.stage);
  const fileRef = useRef<HTMLInputElement>(null);
  const [share, setShare] = useState<ShareResult | 'saving' | null>(null);
  const [importError, setImportError] = useState<{ file: string; issues: DesignIssue[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const { layingOut, autoLayout } = useAutoLayout();

  const load = (design: Design, what: string, notices: readonly DesignNotice[] = []) => {
    const s = store.getState();
    const hadWork = s.graph.nodes.length > 0;
    s.loadDesign(design, 'record');
    // An older file may carry a param its kind does not take: it was dropped, and the notice says so.
    const dropped = notices.length > 0 ? ` ${describeNotices(notices)}` : '';
    s.notify(`${hadWork ? `${what}. Undo (Ctrl+Z) brings back your previous design.` : `${what}.`}${dropped}`, dropped ? 'info' : 'success');
  };

  const startItems: MenuItem[] = [
    { label: 'Blank canvas', hint: 'Start from nothing', onSelect: () => load({ schemaVersion: 1, nodes: [], edges: [] }, 'Started a blank canvas') },
    ...REFERENCE_DESIGNS.map((r) => ({
      label: `Stage ${r.stage}: ${r.title}`,
      hint: `Reference design for ${r.users} users`,
      onSelect: () => load(r.design, `Loaded the stage ${r.stage} reference design`),
    })),
  ];

  const exportImage = async (format: 'png' | 'svg') => {
    const s = store.getState();
    if (s.graph.nodes.length === 0) {
      s.notify('Add a component first: there is nothing to export.', 'error');
      return;
    }
    setBusy(true);
    try {
      const { designSvg, pictureNodes, svgDataUrl, svgToPng, verdictOf } = await import('./design-svg');
      const picture = designSvg(pictureNodes(getNodes() as EditorNode[], s.results), s.graph.edges, { title: s.graph.meta.name?.trim() || 'Untitled design', verdict: verdictOf(s.results, scoringStage) });
      const url = format === 'svg' ? svgDataUrl(picture.svg) : await svgToPng(picture.svg, picture.width, picture.height);
      download(url, `${fileStem(s.graph.meta.name)}.${format}`);
      s.announce(`Exported the design as ${format.toUpperCase()}.`);
    } catch (e) {
      s.notify(`Could not make the ${format.toUpperCase()} image: ${e instanceof Error ? e.message : String(e)}`, 'error');
    } finally {
      setBusy(false);
    }
  };

  const exportItems: MenuItem[] = [
    {
      label: 'Design file (JSON)',
      hint: 'Import it again later',
      onSelect: () => {
        const s = store.getState();
        downloadText(designJson(designOf(s)), `${fileStem(s.graph.meta.name)}.json`);
        s.announce('Exported the design as JSON.');
      },
    },
    { label: 'Image (PNG)', hint: 'For slides and documents', onSelect: () => void exportImage('png') },
    { label: 'Vector image (SVG)', hint: 'Scales without blurring', onSelect: () => void exportImage('svg') },
  ];

  const moreItems: MenuItem[] = [
    ...(nodeCount > 0 && !busy && !layingOut ? [{ label: 'Auto-layout', hint: 'Arrange the components left to right', onSelect: () => void autoLayout() }] : []),
    { label: 'Import a design file', hint: 'A .json file exported from ScaleLab', onSelect: () => fileRef.current?.click() },
    ...exportItems.map((item) => ({ ...item, label: `Export: ${item.label}` })),
  ];

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const result = await readDesignFile(file);
    if (result.ok) load(result.design, `Imported ${file.name}`, result.notices);
    else setImportError({ file: file.name, issues: result.issues });
  };

  const onShare = async () => {
    const s = store.getState();
    if (s.graph.nodes.length === 0) {
      s.notify('Add a component first: there is nothing to share.', 'error');
      return;
    }
    setShare('saving');
    setShare(await shareDesign(designOf(store.getState())));
  };

  // Both side panels of the sandbox are drawers below `lg` (sandbox.tsx), with these ids.
  // From `lg` up the same toggles fold the docked panels away, for a canvas-first screen.
  const toggleDrawer = (panel: PanelName, e: { detail: number }) =>
    togglePanelAt(store, panel, 'lg', 'lg', fromKeyboard(e) ? (panel === 'palette' ? 'editor-palette' : 'editor-inspector') : undefined);

  return (
    <div
      role="toolbar"
      aria-label="Design tools"
      className="flex h-12 shrink-0 items-center gap-0.5 border-b border-slate-200 bg-white px-2 lg:gap-1"
    >
      <ToolButton icon="palette" label="Components" onClick={(e) => toggleDrawer('palette', e)} pressed={paletteShown} showLabel="xl" />
      <DesignName />
      <span className="mx-1 hidden h-6 w-px bg-slate-200 lg:block" aria-hidden="true" />
      <ToolButton icon="undo" label="Undo" onClick={() => store.getState().undo()} disabled={!canUndo} shortcut="Ctrl+Z" keyshortcuts="Control+Z Meta+Z" showLabel="never" />
      <ToolButton
        icon="redo"
        label="Redo"
        onClick={() => store.getState().redo()}
        disabled={!canRedo}
        shortcut="Ctrl+Shift+Z"
        keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
        showLabel="never"
      />
      <span className="mx-1 hidden h-6 w-px bg-slate-200 lg:block" aria-hidden="true" />
      <MenuButton label={<span className="sr-only lg:not-sr-only lg:whitespace-nowrap">Start from</span>} icon={<Glyph name="start" />} items={startItems} className={BUTTON} title="Start from a blank canvas or a stage’s reference design" chevron="sm" />
      {/* On a phone these fold into the "More tools" menu below, so the toolbar fits the width. */}
      <div className="hidden sm:contents">
        <ToolButton icon="layout" label="Auto-layout" onClick={() => void autoLayout()} disabled={nodeCount === 0 || busy || layingOut} />
        <ToolButton icon="import" label="Import" onClick={() => fileRef.current?.click()} />
        <MenuButton label={<span className="sr-only xl:not-sr-only xl:whitespace-nowrap">Export</span>} icon={<Glyph name="export" />} items={exportItems} className={BUTTON} title="Export the design as a file or a picture" />
      </div>
      <div className="sm:hidden">
        <MenuButton label={<span className="sr-only">More tools</span>} icon={<Glyph name="more" />} items={moreItems} className={BUTTON} title="Auto-layout, import and export" align="end" chevron={false} />
      </div>
      <input
        ref={fileRef}
        type="file"
        accept="application/json,.json"
        className="hidden"
        aria-hidden="true"
        tabIndex={-1}
        onChange={(e) => {
          void onFile(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      <div className="ml-auto flex items-center gap-1">
        <div className="hidden sm:contents">
          <ToolButton icon="help" label="Keyboard shortcuts" onClick={() => store.getState().setShortcutsOpen(true)} shortcut="?" keyshortcuts="?" showLabel="never" />
        </div>
        <button
          type="button"
          onClick={() => void onShare()}
          disabled={share === 'saving'}
          className="inline-flex h-9 shrink-0 items-center gap-1.5 rounded-md bg-brand-600 px-3 max-[360px]:px-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700 disabled:opacity-70"
        >
          <Glyph name="share" />
          <span className="sr-only sm:not-sr-only">Share</span>
        </button>
        <div className="hidden lg:contents">
          <ToolButton
            icon="focus"
            label={focusMode ? 'Show the side panels' : 'Focus on the canvas'}
            onClick={() => store.getState().toggleFocusMode()}
            pressed={focusMode}
            shortcut={'Ctrl+\\'}
            keyshortcuts={'Control+\\ Meta+\\'}
            showLabel="never"
          />
        </div>
        <ToolButton icon="inspector" label="Inspector" onClick={(e) => toggleDrawer('inspector', e)} pressed={inspectorShown} showLabel="xl" />
      </div>
      <ShareDialog state={share} onClose={() => setShare(null)} />
      <ImportErrorDialog error={importError} onClose={() => setImportError(null)} />
    </div>
  );
}
