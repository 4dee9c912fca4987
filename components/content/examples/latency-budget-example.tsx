'use client';

import { useMemo, useState } from 'react';
import { formatMs } from '@/lib/shared/format';
import { LATENCY_BUDGET_WORKLOAD, latencyBudgetDesign } from '@/lib/learn/example-designs';
import { ExampleError, ExampleFrame, Toggle } from './example-frame';
import { useEvaluation } from './use-evaluation';

const CLASSES = [
  { key: 'static', label: 'Static' },
  { key: 'read', label: 'Read' },
  { key: 'write', label: 'Write' },
] as const;

/** A CDN and a cache on or off → end-to-end latency per class and each node's own time. */
export function LatencyBudgetExample() {
  const [cdn, setCdn] = useState(false);
  const [cache, setCache] = useState(false);
  const design = useMemo(() => latencyBudgetDesign(cdn, cache), [cdn, cache]);
  const ev = useEvaluation(design, LATENCY_BUDGET_WORKLOAD);
  return (
    <ExampleFrame
      title="Where a request's time goes"
      description="A million daily users spread over the world; a load balancer, app servers and a database in one region. Server-side times start at the region's entry, as a dashboard measures them; what users perceive adds their round trips: three for a first static asset, one for an API call."
      controls={
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          <Toggle label="CDN for static files" checked={cdn} onChange={setCdn} />
          <Toggle label="Cache in front of reads" checked={cache} onChange={setCache} />
        </div>
      }
    >
      {ev.ok ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <table className="w-full text-left text-sm">
            <caption className="pb-1 text-left text-xs text-slate-600">p95 latency</caption>
            <thead>
              <tr className="text-slate-600">
                <th className="py-1 pr-2 font-medium">Class</th>
                <th className="py-1 pr-2 text-right font-medium">Server-side</th>
                <th className="py-1 text-right font-medium">Users perceive</th>
              </tr>
            </thead>
            <tbody className="font-mono tabular-nums">
              {CLASSES.map((c) => (
                <tr key={c.key} className="border-t border-slate-100">
                  <th scope="row" className="py-1 pr-2 font-sans font-normal text-slate-800">
                    {c.label}
                  </th>
                  <td className="py-1 pr-2 text-right" data-stat={`${c.label} p95`}>
                    {formatMs(ev.result.endToEnd.latencyMs[c.key].p95)}
                  </td>
                  <td className="py-1 text-right" data-stat={`${c.label} user-perceived p95`}>
                    {formatMs(ev.result.endToEnd.latencyMs.userPerceived[c.key].p95)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="w-full text-left text-sm">
            <caption className="pb-1 text-left text-xs text-slate-600">Time inside each node (mean, waiting included)</caption>
            <thead>
              <tr className="text-slate-600">
                <th className="py-1 pr-2 font-medium">Node</th>
                <th className="py-1 text-right font-medium">Mean</th>
              </tr>
            </thead>
            <tbody className="font-mono tabular-nums">
              {Object.entries(ev.result.nodes)
                .filter(([id]) => id !== 'users')
                .map(([id, n]) => (
                  <tr key={id} className="border-t border-slate-100">
                    <th scope="row" className="py-1 pr-2 font-sans font-normal text-slate-800">
                      {n.label}
                    </th>
                    <td className="py-1 text-right">{formatMs(n.responseMs.mean)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      ) : (
        <ExampleError message={ev.error} />
      )}
    </ExampleFrame>
  );
}
