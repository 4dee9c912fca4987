'use client';

import type { Evaluation } from '@/lib/engine/data';
import { formatFraction, formatMs } from '@/lib/shared/format';
import { PassMark } from './ui';

/**
 * Consistency made visible (docs/model.md §14.1): whether a user reads their
 * own writes, the share of reads that may be stale, and per read replica its
 * lag behind the primary with a one-line why.
 */
export function ConsistencyView({ evaluation }: { evaluation: Evaluation }) {
  const c = evaluation.consistency;
  // An evaluation made before consistency was reported (a saved result) has none.
  if (!c) return null;
  return (
    <section aria-labelledby="consistency-title" className="rounded-md border border-slate-200 px-2.5 py-2" data-testid="consistency">
      <h4 id="consistency-title" className="text-sm font-medium text-slate-800">
        Consistency
      </h4>
      <dl className="mt-1 space-y-1 text-sm">
        <div className="flex items-center gap-2" data-testid="consistency-ryw">
          <PassMark passed={c.readYourWrites} />
          <dt className="text-slate-700">Read-your-writes</dt>
          <dd className="ml-auto font-mono text-xs font-semibold text-slate-900">{c.readYourWrites ? 'holds' : 'broken'}</dd>
        </div>
        <div className="flex items-center gap-2" data-testid="consistency-stale">
          <span aria-hidden="true" className="h-4 w-4 shrink-0" />
          <dt className="text-slate-700">Stale reads</dt>
          <dd className="ml-auto font-mono text-xs font-semibold text-slate-900">{formatFraction(c.staleReadShare)} of reads</dd>
        </div>
      </dl>
      <p className="mt-1 text-xs text-slate-600">{c.why}.</p>
      {c.replicas.length > 0 ? (
        <table className="mt-2 w-full text-sm" aria-label="Read replicas: lag behind the primary and stale reads">
          <thead>
            <tr className="text-xs text-slate-600">
              <th scope="col" className="py-1 text-left font-medium">
                Replica
              </th>
              <th scope="col" className="whitespace-nowrap py-1 pl-2 text-right font-medium">
                Lag
              </th>
              <th scope="col" className="whitespace-nowrap py-1 pl-2 text-right font-medium">
                Reads
              </th>
              <th scope="col" className="whitespace-nowrap py-1 pl-2 text-right font-medium">
                Stale
              </th>
            </tr>
          </thead>
          <tbody>
            {c.replicas.map((r) => (
              <tr key={r.replicaId} className="border-t border-slate-100 align-top" data-testid={`consistency-replica-${r.replicaId}`}>
                <th scope="row" className="py-1 pr-2 text-left font-normal text-slate-700">
                  <span className="block">{evaluation.nodes[r.replicaId]?.label ?? r.replicaId}</span>
                  <span className="block text-xs text-slate-600">
                    {r.technology === 'generic' ? 'generic' : r.technology}: {r.why}
                  </span>
                </th>
                <td className={`whitespace-nowrap py-1 pl-2 text-right font-mono text-xs ${r.fallingBehind ? 'font-semibold text-saturated' : 'text-slate-900'}`}>{formatMs(r.lagMs)}</td>
                <td className="whitespace-nowrap py-1 pl-2 text-right font-mono text-xs text-slate-900">{formatFraction(r.readShare, 0)}</td>
                <td className="whitespace-nowrap py-1 pl-2 text-right font-mono text-xs text-slate-900">{formatFraction(r.staleShare)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
