'use client';

import { useId, useRef, useState } from 'react';
import { CATALOG, type Design } from '@/lib/engine/data';
import { parseDesignText, readDesignFile } from '@/lib/editor/files';
import { REFERENCE_DESIGNS } from '@/lib/learn/reference-designs';
import { ScenarioEditor, type EditorController } from './scenario-editor';
import { buttonClass } from '@/components/ui/button';

const EMPTY: Design = { schemaVersion: 1, nodes: [], edges: [] };

/**
 * Chooses an optional design for a scenario: drawn on a canvas here, from a
 * design file (the sandbox's Export), pasted as JSON, or a stage's reference
 * design. Shows what is loaded; with `locked`, lists its nodes with a lock
 * checkbox each.
 */
export function DesignPicker({
  label,
  help,
  design,
  onChange,
  locked,
  onLockedChange,
  error,
  errorId,
}: {
  label: string;
  help: string;
  design: Design | null;
  onChange(design: Design | null): void;
  locked?: string[];
  onLockedChange?(ids: string[]): void;
  error?: string;
  errorId?: string;
}) {
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const controller = useRef<EditorController | null>(null);
  const [paste, setPaste] = useState('');
  const [mode, setMode] = useState<'idle' | 'paste' | 'draw'>('idle');
  const [problem, setProblem] = useState<string | null>(null);

  const accept = (result: { ok: true; design: Design } | { ok: false; issues: { path: string; message: string }[] }, from: string) => {
    if (result.ok) {
      onChange(result.design);
      onLockedChange?.([]);
      setProblem(null);
      setMode('idle');
    } else {
      setProblem(`${from}: ${result.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).slice(0, 3).join('; ')}`);
    }
  };

  const shownError = problem ?? error;
  return (
    <fieldset className="min-w-0 rounded-lg border border-slate-200 p-4" aria-describedby={shownError ? errorId ?? `${id}-error` : `${id}-help`}>
      <legend className="px-1 text-sm font-semibold text-slate-900">{label}</legend>
      <p id={`${id}-help`} className="text-sm text-slate-600">
        {help}
      </p>
      {design ? (
        <div className="mt-3 rounded-md bg-slate-50 px-3 py-2 text-sm">
          <p className="text-slate-800">
            <span className="font-medium">{design.name ?? 'Untitled design'}</span> — {design.nodes.length} components, {design.edges.length} connections
          </p>
          {locked && onLockedChange ? (
            <div className="mt-2">
              <p className="font-medium text-slate-800">Lock nodes students may not move, change or delete:</p>
              <ul className="mt-1 grid gap-1 sm:grid-cols-2">
                {design.nodes.map((n) => (
                  <li key={n.id}>
                    <label className="flex items-center gap-2 text-slate-700">
                      <input
                        type="checkbox"
                        checked={locked.includes(n.id)}
                        onChange={(e) => onLockedChange(e.target.checked ? [...locked, n.id] : locked.filter((x) => x !== n.id))}
                        className="h-4 w-4 rounded border-slate-300"
                      />
                      <span>
                        {n.label ?? CATALOG[n.kind].label} <span className="text-slate-500">({n.id})</span>
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      ) : null}
      <div className="mt-3 flex flex-wrap gap-2">
        <button type="button" className={buttonClass('secondary')} aria-expanded={mode === 'draw'} onClick={() => setMode(mode === 'draw' ? 'idle' : 'draw')}>
          {design ? 'Edit on a canvas' : 'Draw on a canvas'}
        </button>
        <button type="button" className={buttonClass('secondary')} onClick={() => fileRef.current?.click()}>
          Upload a design file
        </button>
        <input
          ref={fileRef}
          type="file"
          accept="application/json,.json"
          className="sr-only"
          tabIndex={-1}
          aria-hidden="true"
          onChange={async (e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) accept(await readDesignFile(f), f.name);
          }}
        />
        <button type="button" className={buttonClass('secondary')} aria-expanded={mode === 'paste'} onClick={() => setMode(mode === 'paste' ? 'idle' : 'paste')}>
          Paste JSON
        </button>
        {REFERENCE_DESIGNS.length > 0 ? (
          <select
            aria-label={`${label}: use a stage's reference design`}
            className="max-w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-800"
            value=""
            onChange={(e) => {
              const r = REFERENCE_DESIGNS.find((x) => String(x.stage) === e.target.value);
              if (r) accept({ ok: true, design: r.design }, `Stage ${r.stage}`);
            }}
          >
            <option value="">Use a stage reference…</option>
            {REFERENCE_DESIGNS.map((r) => (
              <option key={r.stage} value={r.stage}>
                Stage {r.stage}: {r.title}
              </option>
            ))}
          </select>
        ) : null}
        {design ? (
          <button
            type="button"
            className={buttonClass('secondary', 'sm', 'text-saturated')}
            onClick={() => {
              onChange(null);
              onLockedChange?.([]);
            }}
          >
            Remove
          </button>
        ) : null}
      </div>
      {mode === 'paste' ? (
        <div className="mt-3">
          <label htmlFor={`${id}-paste`} className="block text-sm font-medium text-slate-800">
            Design JSON
          </label>
          <textarea
            id={`${id}-paste`}
            value={paste}
            onChange={(e) => setPaste(e.target.value)}
            rows={6}
            spellCheck={false}
            className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-xs"
            placeholder='{"schemaVersion": 1, "nodes": [...], "edges": [...]}'
          />
          <button type="button" className={buttonClass('secondary', 'sm', 'mt-2')} onClick={() => accept(parseDesignText(paste), 'The pasted JSON')}>
            Use this JSON
          </button>
        </div>
      ) : null}
      {mode === 'draw' ? (
        <div className="mt-3 overflow-hidden rounded-lg border border-slate-300">
          <div className="h-[520px]">
            <ScenarioEditor
              initialDesign={design ?? EMPTY}
              start={design ?? EMPTY}
              lockedNodeIds={[]}
              resettable={false}
              controllerRef={controller}
              label={`${label} canvas`}
              toolbarExtra={
                <button
                  type="button"
                  className="inline-flex h-8 items-center rounded-md bg-brand-600 px-3 text-sm font-medium text-white hover:bg-brand-700"
                  onClick={() => {
                    const d = controller.current?.getDesign();
                    if (d) {
                      onChange(d);
                      if (locked && onLockedChange) onLockedChange(locked.filter((x) => d.nodes.some((n) => n.id === x)));
                    }
                    setMode('idle');
                  }}
                >
                  Use this design
                </button>
              }
            />
          </div>
        </div>
      ) : null}
      {shownError ? (
        <p id={errorId ?? `${id}-error`} role="alert" className="mt-2 text-sm text-saturated">
          {shownError}
        </p>
      ) : null}
    </fieldset>
  );
}
