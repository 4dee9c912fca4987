import { getStageFact, stagePeakLoad } from '@/lib/content/stage-facts';
import { formatAvailability, formatCount, formatRps, formatUsd } from '@/lib/content/format';
import { WORKLOAD_DEFAULTS as W } from '@/lib/engine/workload';

function downtimePerYear(availability: number): string {
  const minutes = (1 - availability) * 365 * 24 * 60;
  if (minutes >= 120) return `${Math.round(minutes / 60)} h`;
  return `${Math.round(minutes)} min`;
}

/** The targets of one growth stage, as the scoring model sets them (MODEL.md §6). */
export function StageFacts({ stage }: { stage: number }) {
  const fact = getStageFact(stage);
  if (!fact) throw new Error(`<StageFacts stage={${stage}}>: there is no stage ${stage}`);
  const load = stagePeakLoad(fact);
  const rows: [string, React.ReactNode][] = [
    ['Daily active users', formatCount(fact.users)],
    [
      'Peak load',
      <>
        {formatRps(load.total)}{' '}
        <span className="text-slate-500">
          ({formatRps(load.static)} static, {formatRps(load.read)} reads, {formatRps(load.write)} writes)
        </span>
      </>,
    ],
    ['p95 read latency', `≤ ${fact.p95ReadMs} ms`],
    [
      'Availability',
      <>
        ≥ {formatAvailability(fact.availability)}{' '}
        <span className="text-slate-500">(at most {downtimePerYear(fact.availability)} down a year)</span>
      </>,
    ],
    ['Budget', `${formatUsd(fact.budgetUsd)} a month`],
    [
      'Practices required',
      fact.practices.length === 0 ? (
        'None yet'
      ) : (
        <ul className="list-disc space-y-0.5 pl-5">
          {fact.practices.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ),
    ],
  ];
  return (
    <figure className="my-6 overflow-hidden rounded-lg border border-slate-200">
      <figcaption className="border-b border-slate-200 bg-slate-50 px-4 py-2 text-sm font-semibold text-slate-700">
        Stage {fact.stage} targets: {fact.title}
      </figcaption>
      <table className="w-full text-left text-sm">
        <tbody className="divide-y divide-slate-100">
          {rows.map(([label, value]) => (
            <tr key={label} className="align-top">
              <th scope="row" className="w-32 px-3 py-2 font-medium text-slate-600 sm:w-48 sm:px-4">
                {label}
              </th>
              <td className="px-3 py-2 text-slate-900 tabular-nums sm:px-4">{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="border-t border-slate-200 bg-slate-50 px-4 py-2 text-xs text-slate-500">
        Peak load computed by the ScaleLab model from its default workload: {W.requestsPerUserPerDay} requests per
        user a day, peak {W.peakFactor}× the daily average, {Math.round(W.staticShare * 100)}% of requests static and{' '}
        {Math.round(W.readRatio * 100)}% of the rest reads.
      </p>
    </figure>
  );
}
