'use client';

import { useEffect, useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { describeWhatIf, regionOfKind, type WhatIf } from '@/lib/engine/data';
import type { ComparisonSummary } from '@/lib/editor/scoring-engine';
import { displayLabel } from '@/lib/editor/labels';
import type { EditorState } from '@/lib/editor/store';
import { formatAvailability, formatFraction, formatMs, formatUsd, formatUsers } from '@/lib/shared/format';
import { useEditor } from '@/components/editor/editor-provider';
import { useShowNode } from './findings-list';
import { useScoring, useScoringView } from './scoring-context';
import {
  changeOf,
  defaultWhatIf,
  targetRegions,
  unavailableReason,
  validWhatIf,
  type WhatIfKind,
  type WhatIfTarget,
} from './what-if-options';

const SCENARIOS: { type: WhatIfKind; label: string; hint: string }[] = [
  { type: 'fail-node', label: 'A component fails', hint: 'All of its instances are gone.' },
  { type: 'fail-instance', label: 'One instance fails', hint: 'The component loses one instance.' },
  { type: 'fail-region', label: 'A region goes down', hint: 'Every component in it is gone.' },
  { type: 'flash-crowd', label: 'Flash crowd', hint: '5× the usual peak for the peak hour (most of it from a few clients a rate limiter can shed).' },
  { type: 'cache-flush', label: 'Cache flush', hint: 'Hit ratio 0 while the cache warms up.' },
  { type: 'slow-database', label: 'Slow database', hint: 'Every data store takes 5× as long per request.' },
];

/** Components that can fail (everything but the users), as id, label, kind and region joined by \u0001. */
const selectTargets = (s: EditorState) =>
  s.graph.nodes
    .filter((n) => n.data.kind !== 'users')
    .map((n) => `${n.id}\u0001${displayLabel(n.data)}\u0001${n.data.kind}\u0001${regionOfKind(n.data.kind, n.data.params.region) ?? ''}`);

/** What-if and chaos: fail a component, an instance or a region, or stress the design, and see the difference from now. */
export function ChaosPanel() {
  const scoring = useScoring();
  const chosen = useScoringView((v) => v.whatIf);
  const revision = useScoringView((v) => v.revision);
  const users = useScoringView((v) => v.users);
  const lazy = useScoringView((v) => v.chaos);
  const rows = useEditor(useShallow(selectTargets));
  const spofs = useEditor(useShallow((s: EditorState) => (s.results?.scored?.status === 'ok' ? s.results.scored.evaluation.spofs : [])));
  const nodeSelectId = useId();
  const nodes: WhatIfTarget[] = rows.map((r) => {
    const [id, label, kind, region] = r.split('\u0001');
    return { id, label, kind, region: region || null };
  });
  const regions = targetRegions(nodes);
  const labelOf = (id: string) => nodes.find((n) => n.id === id)?.label ?? id;
  const preferred = [...nodes.filter((n) => spofs.includes(n.id)), ...nodes];
  // A scenario whose component or region was deleted since it was chosen falls back to a valid one (or none), here and in the view.
  const whatIf = validWhatIf(chosen, nodes, preferred);
  const key = JSON.stringify(whatIf);
  const stale = JSON.stringify(chosen) !== key;

  useEffect(() => {
    if (stale) scoring?.chooseWhatIf(key === 'null' ? null : (JSON.parse(key) as WhatIf));
  }, [scoring, stale, key]);

  useEffect(() => {
    if (!stale) scoring?.ensureChaos();
  }, [scoring, stale, key, revision, users]);

  const choose = (type: WhatIfKind) => {
    const current = whatIf && 'nodeId' in whatIf ? nodes.filter((n) => n.id === whatIf.nodeId) : [];
    scoring?.chooseWhatIf(defaultWhatIf(type, [...current, ...preferred], nodes));
  };
  const value = lazy?.value && lazy.key.endsWith(key) ? lazy.value : null;

  return (
    <section aria-labelledby="chaos-title" className="space-y-4" data-testid="chaos-panel">
      <div>
        <h3 id="chaos-title" className="text-sm font-semibold text-slate-900">
          What if, at {formatUsers(users)} users
        </h3>
        <p className="text-xs text-slate-700">Pick something that goes wrong; the numbers show the difference from now.</p>
      </div>
      <fieldset className="grid grid-cols-2 gap-1">
        <legend className="sr-only">Scenario</legend>
        {SCENARIOS.map((s) => {
          const unavailable = unavailableReason(s.type, nodes);
          return (
            <label
              key={s.type}
              data-scenario={s.type}
              className={`flex items-start gap-2 rounded-md border px-2 py-1.5 text-sm ${
                unavailable
                  ? 'cursor-not-allowed border-dashed border-slate-200 bg-slate-50'
                  : whatIf?.type === s.type
                    ? 'cursor-pointer border-brand-500 bg-brand-50'
                    : 'cursor-pointer border-slate-200 hover:bg-slate-50'
              }`}
            >
              <input
                type="radio"
                name="what-if"
                className="mt-1 accent-brand-600"
                checked={whatIf?.type === s.type}
                disabled={unavailable !== null}
                onChange={() => choose(s.type)}
              />
              <span>
                <span className={`block font-medium leading-snug ${unavailable ? 'text-slate-600' : 'text-slate-900'}`}>{s.label}</span>
                <span className="block text-xs leading-snug text-slate-600">{unavailable ? `${unavailable}.` : s.hint}</span>
              </span>
            </label>
          );
        })}
      </fieldset>
      {whatIf ? (
        <div className="flex items-start justify-between gap-3 text-xs text-slate-700">
          <p data-testid="chaos-canvas-note">
            On the canvas: failed components are dashed and struck through, lost traffic is a red dashed line, rerouted traffic amber.
          </p>
          <button
            type="button"
            onClick={() => scoring?.chooseWhatIf(null)}
            className="shrink-0 rounded-md border border-slate-300 px-2 py-0.5 text-sm font-medium text-slate-800 hover:bg-slate-50"
          >
            Clear
          </button>
        </div>
      ) : null}

      {whatIf && (whatIf.type === 'fail-node' || whatIf.type === 'fail-instance') ? (
        <div>
          <label htmlFor={nodeSelectId} className="text-sm font-medium text-slate-800">
            Component
          </label>
          <select
            id={nodeSelectId}
            value={whatIf.nodeId}
            onChange={(e) => scoring?.chooseWhatIf({ type: whatIf.type, nodeId: e.target.value })}
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900"
          >
            {nodes.map((n) => (
              <option key={n.id} value={n.id}>
                {n.label}
                {spofs.includes(n.id) ? ' (single point of failure)' : ''}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {whatIf?.type === 'fail-region' ? (
        <div>
          <label htmlFor={nodeSelectId} className="text-sm font-medium text-slate-800">
            Region
          </label>
          <select
            id={nodeSelectId}
            value={whatIf.region}
            onChange={(e) => scoring?.chooseWhatIf({ type: 'fail-region', region: e.target.value })}
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900"
          >
            {regions.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
          {regions.length < 2 ? <p className="mt-1 text-xs text-slate-600">Everything runs in one region, so losing it takes the whole design down.</p> : null}
        </div>
      ) : null}

      {!whatIf ? null : lazy?.status === 'error' ? (
        <p className="text-sm text-slate-700">This scenario could not be scored: {lazy.message}</p>
      ) : !value ? (
        <p className="text-sm text-slate-700">Scoring the scenario…</p>
      ) : (
        <Comparison c={value} labelOf={labelOf} busy={lazy?.status === 'loading'} />
      )}
    </section>
  );
}

function Row({ label, before, after, change }: { label: string; before: string; after: string; change: { text: string; worse: boolean | null } }) {
  const { text: delta, worse } = change;
  return (
    <tr className="border-t border-slate-100">
      <th scope="row" className="py-1 text-left text-sm font-normal text-slate-700">
        {label}
      </th>
      <td className="py-1 text-right font-mono text-xs text-slate-800">{before}</td>
      <td className="py-1 text-right font-mono text-xs font-semibold text-slate-900">{after}</td>
      <td className={`py-1 text-right font-mono text-xs ${worse === null ? 'text-slate-600' : worse ? 'text-saturated' : 'text-healthy'}`}>{delta}</td>
    </tr>
  );
}

function Comparison({ c, labelOf, busy }: { c: ComparisonSummary; labelOf: (id: string) => string; busy: boolean }) {
  const show = useShowNode();
  const b = c.baseline;
  const s = c.scenario;
  const pts = (v: number) => `${Math.abs(v * 100).toFixed(Math.abs(v) < 0.001 ? 3 : 2)} pts`;
  const failedId = c.whatIf.type === 'fail-node' || c.whatIf.type === 'fail-instance' ? c.whatIf.nodeId : null;
  const spof = failedId && b.spofs.includes(failedId);
  const dA = s.availability - b.availability;
  const dE = s.errorRate - b.errorRate;
  const dRead = s.p95Ms.read - b.p95Ms.read;
  const dWrite = s.p95Ms.write - b.p95Ms.write;
  const dCost = s.monthlyCostUsd - b.monthlyCostUsd;
  return (
    <div className="space-y-3" aria-busy={busy} data-testid="chaos-result">
      <p className="text-sm font-medium text-slate-900">If {describeWhatIf(c.whatIf, labelOf)}:</p>
      <table className="w-full" aria-label="Now and under the scenario">
        <thead>
          <tr className="text-xs text-slate-600">
            <th scope="col" className="py-1 text-left font-medium">
              <span className="sr-only">Measure</span>
            </th>
            <th scope="col" className="py-1 text-right font-medium">Now</th>
            <th scope="col" className="py-1 text-right font-medium">Then</th>
            <th scope="col" className="py-1 text-right font-medium">Change</th>
          </tr>
        </thead>
        <tbody data-testid="chaos-rows">
          <Row label="Availability" before={formatAvailability(b.availability)} after={formatAvailability(s.availability)} change={changeOf(dA, pts(dA), false)} />
          <Row label="Error rate" before={formatFraction(b.errorRate)} after={formatFraction(s.errorRate)} change={changeOf(dE, pts(dE), true)} />
          <Row label="p95 read" before={formatMs(b.p95Ms.read)} after={formatMs(s.p95Ms.read)} change={changeOf(dRead, formatMs(Math.abs(dRead)), true)} />
          <Row label="p95 write" before={formatMs(b.p95Ms.write)} after={formatMs(s.p95Ms.write)} change={changeOf(dWrite, formatMs(Math.abs(dWrite)), true)} />
          <Row label="Cost / month" before={formatUsd(b.monthlyCostUsd)} after={formatUsd(s.monthlyCostUsd)} change={changeOf(dCost, formatUsd(Math.abs(dCost)), null)} />
        </tbody>
      </table>
      {spof ? (
        <p className="rounded-md border border-red-200 bg-red-50/60 px-2.5 py-1.5 text-sm text-slate-900" data-testid="chaos-spof">
          <strong>{labelOf(failedId!)}</strong> is a single point of failure: nothing takes over when it fails.{' '}
          <button type="button" className="font-medium text-brand-700 underline-offset-2 hover:underline" onClick={() => show(failedId!)}>
            Show it on the canvas
          </button>
        </p>
      ) : null}
      <p className="text-sm text-slate-800" data-testid="chaos-saturates">
        {c.newlySaturated.length > 0 ? (
          <>
            Now saturates:{' '}
            {c.newlySaturated.map((id, i) => (
              <span key={id}>
                {i > 0 ? ', ' : ''}
                <button type="button" className="font-medium text-brand-700 underline-offset-2 hover:underline" onClick={() => show(id)}>
                  {labelOf(id)}
                </button>
              </span>
            ))}
            .
          </>
        ) : s.saturated.length > 0 ? (
          `Already saturated: ${s.saturated.map(labelOf).join(', ')}.`
        ) : (
          'Nothing saturates.'
        )}
      </p>
      {b.spofs.length > 0 && !spof ? (
        <p className="text-xs text-slate-700">Single points of failure: {b.spofs.map(labelOf).join(', ')}.</p>
      ) : null}
    </div>
  );
}
