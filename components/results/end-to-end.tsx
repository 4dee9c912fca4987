'use client';

import type { Evaluation, StageResult } from '@/lib/engine/data';
import { TechnologyAfterName } from '@/components/editor/technology-tag';
import { formatAvailability, formatDowntime, formatFraction, formatMs, formatNines, formatRps, formatUsd, formatUsers, formatUtilization } from '@/lib/shared/format';
import { ConsistencyView } from './consistency';
import { CostBreakdownView } from './cost-breakdown';
import { LatencyViews } from './latency-views';
import { LatencyWaterfall } from './latency-waterfall';
import { Stat } from './ui';

const CLASSES = [
  ['static', 'Static'],
  ['read', 'Read'],
  ['write', 'Write'],
  ['overall', 'All'],
] as const;

/**
 * The design's end-to-end numbers at the chosen users: where each class's
 * p95 goes, server-side and user-perceived p95, every percentile, and
 * availability, errors and cost. `stage` (the chosen stage) supplies the
 * objectives the latencies are held to.
 */
export function EndToEnd({ evaluation, stage = null }: { evaluation: Evaluation; stage?: StageResult | null }) {
  const e = evaluation.endToEnd;
  const bottleneck = evaluation.bottleneck.nodeId ? evaluation.nodes[evaluation.bottleneck.nodeId] : null;
  return (
    <section aria-labelledby="e2e-title" className="space-y-4" data-testid="end-to-end">
      <div>
        <h3 id="e2e-title" className="text-sm font-semibold text-slate-900">
          At {formatUsers(evaluation.users)} users
        </h3>
        <p className="text-xs text-slate-700">
          Peak {formatRps(evaluation.offered.total)}
          {bottleneck ? (
            <>
              {' '}
              · busiest: {bottleneck.label}
              <TechnologyAfterName nodeId={evaluation.bottleneck.nodeId!} /> at <span data-testid="bottleneck-utilisation">{formatUtilization(evaluation.bottleneck.utilization)}</span>
            </>
          ) : null}
        </p>
      </div>

      <LatencyViews evaluation={evaluation} stage={stage} />
      <LatencyWaterfall evaluation={evaluation} stage={stage} />

      <details className="group rounded-md border border-slate-200" data-testid="latency-percentiles">
        <summary className="cursor-pointer px-2.5 py-1.5 text-sm font-medium text-slate-800">Server-side percentiles (p50, p95, p99)</summary>
        <div className="px-2.5 pb-2">
          <table className="w-full text-sm" aria-label="Server-side latency per request class, milliseconds">
            <thead>
              <tr className="text-xs text-slate-600">
                <th scope="col" className="py-1 text-left font-medium">
                  Latency
                </th>
                <th scope="col" className="py-1 text-right font-medium">
                  p50
                </th>
                <th scope="col" className="py-1 text-right font-medium">
                  p95
                </th>
                <th scope="col" className="py-1 text-right font-medium">
                  p99
                </th>
              </tr>
            </thead>
            <tbody className="font-mono text-xs text-slate-900">
              {CLASSES.map(([k, label]) => (
                <tr key={k} className="border-t border-slate-100" data-class={k}>
                  <th scope="row" className="py-1 text-left font-sans text-sm font-normal text-slate-700">
                    {label}
                  </th>
                  <td className="py-1 text-right">{formatMs(e.latencyMs[k].p50)}</td>
                  <td className="py-1 text-right">{formatMs(e.latencyMs[k].p95)}</td>
                  <td className="py-1 text-right">{formatMs(e.latencyMs[k].p99)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>

      <dl className="grid grid-cols-2 gap-x-3 gap-y-2.5">
        <Stat
          label="Availability"
          value={<span data-testid="e2e-availability">{formatAvailability(e.availability)}</span>}
          note={`${formatNines(e.availability)} · ${formatDowntime(e.availability)} down a month`}
        />
        <Stat label="Error rate" value={<span data-testid="e2e-error-rate">{formatFraction(e.errorRate)}</span>} note="failed or unanswered" />
        <Stat label="Shed load" value={formatRps(e.shedRps)} note="turned away by rate limits" />
        <Stat
          label="Monthly cost"
          value={<span data-testid="e2e-cost">{formatUsd(e.monthlyCostUsd)}</span>}
          note={`${formatUsd(e.costPer1kUsersUsd)} per 1,000 users`}
        />
      </dl>

      <ConsistencyView evaluation={evaluation} />

      <CostBreakdownView evaluation={evaluation} />
    </section>
  );
}

