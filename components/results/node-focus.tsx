'use client';

import { CATALOG, type Evaluation } from '@/lib/engine/data';
import { pipelineLines } from '@/lib/editor/pipeline-view';
import { BAND_LABEL, bandOf } from '@/lib/editor/results';
import { nodeById, selectInspectedNodeId } from '@/lib/editor/store';
import { formatMs, formatRps, formatUsd, formatUtilization } from '@/lib/shared/format';
import { useEditor, useEditorStore } from '@/components/editor/editor-provider';
import { CloudNativeFacts } from './cloud-native-facts';
import { TechnologyAfterName } from '@/components/editor/technology-tag';

const BAND_TEXT = { healthy: 'text-healthy', warm: 'text-warm', hot: 'text-hot', saturated: 'text-saturated' } as const;

/** The selected component's numbers, with its instance count one click away. */
export function NodeFocus({ evaluation }: { evaluation: Evaluation }) {
  const store = useEditorStore();
  const id = useEditor(selectInspectedNodeId);
  const node = useEditor((s) => nodeById(s, id));
  if (!id || !node) return null;
  const r = evaluation.nodes[id];
  if (!r) return null;
  const spec = CATALOG[node.data.kind];
  const canScale = spec.params.includes('instances') && !node.data.params.autoscale;
  const instances = node.data.params.instances ?? spec.defaults.instances.value;
  const band = bandOf(r.utilization);
  const set = (n: number) => {
    const res = store.getState().updateNodeParams(id, { instances: n });
    if (!res.ok) store.getState().notify(res.issues[0]?.message ?? 'That instance count cannot be used.', 'error');
  };
  return (
    <section aria-label={`Selected: ${r.label}`} className="rounded-lg border border-slate-200 bg-white p-3" data-testid="node-focus">
      <div className="flex items-baseline justify-between gap-2">
        <h3 className="truncate text-sm font-semibold text-slate-900">
          {r.label}
          <TechnologyAfterName nodeId={id} generic />
        </h3>
        <span className={`font-mono text-sm font-semibold ${BAND_TEXT[band]}`} data-testid="node-focus-utilisation">
          {formatUtilization(r.utilization)} <span className="font-sans text-xs font-normal">{BAND_LABEL[band]}</span>
        </span>
      </div>
      <p className="mt-0.5 text-xs text-slate-700">
        {formatRps(r.arrivalRps.total)} in · p95 {formatMs(r.responseMs.p95)} · {formatUsd(r.monthlyCostUsd)} a month
        {r.spof ? ' · single point of failure' : ''}
      </p>
      {pipelineLines(r).map((line) => (
        <p key={line} className="mt-0.5 text-xs text-slate-700" data-testid="node-focus-pipeline">
          {line}
        </p>
      ))}
      <CloudNativeFacts result={r} />
      {canScale ? (
        <div className="mt-2 flex items-center gap-2 text-sm">
          <span className="text-slate-700">{node.data.kind === 'container-cluster' ? 'Pods' : 'Instances'}</span>
          <button
            type="button"
            onClick={() => set(instances - 1)}
            disabled={instances <= 1}
            aria-label={`Fewer instances of ${r.label}`}
            className="h-7 w-7 rounded-md border border-slate-300 font-semibold text-slate-800 hover:bg-slate-50 disabled:opacity-40"
          >
            −
          </button>
          <span className="w-8 text-center font-mono font-semibold text-slate-900" data-testid="node-focus-instances">
            {instances}
          </span>
          <button
            type="button"
            onClick={() => set(instances + 1)}
            aria-label={`More instances of ${r.label}`}
            className="h-7 w-7 rounded-md border border-slate-300 font-semibold text-slate-800 hover:bg-slate-50"
          >
            +
          </button>
        </div>
      ) : null}
    </section>
  );
}
