import { formatAvailability, formatPercent, formatRps, formatUsd, formatUsers } from '@/lib/shared/format';
import { WORKLOAD_DEFAULTS as W, AUDIENCE } from '@/lib/engine/data';
import { practiceLabels, stageSpec } from '@/lib/rules/stages';
import { peakLoad, resolveWorkload } from '@/lib/engine';

/** "20–230 ms": the spread of an audience's round trips to the serving region (MODEL.md §9.4). */
function rttRange(audience: 'regional' | 'global'): string {
  const rtts = AUDIENCE[audience].value.map((b) => b.rttMs);
  return `${Math.min(...rtts)}–${Math.max(...rtts)} ms`;
}

function downtimePerYear(availability: number): string {
  const minutes = (1 - availability) * 365 * 24 * 60;
  if (minutes >= 120) return `${Math.round(minutes / 60)} h`;
  return `${Math.round(minutes)} min`;
}

/** The targets of one growth stage, as the scoring model sets them (MODEL.md §6). */
export function StageFacts({ stage }: { stage: number }) {
  const fact = stageSpec(stage);
  if (!fact) throw new Error(`<StageFacts stage={${stage}}>: there is no stage ${stage}`);
  // Peak offered load at the stage's users with the default workload, from the engine.
  const load = peakLoad(resolveWorkload({ users: fact.users }));
  const practices = practiceLabels(fact).map((p) => p.charAt(0).toUpperCase() + p.slice(1));
  const rows: [string, React.ReactNode][] = [
    ['Daily active users', formatUsers(fact.users)],
    [
      'Peak load',
      <>
        {formatRps(load.total)}{' '}
        <span className="text-slate-500">
          ({formatRps(load.static)} static, {formatRps(load.read)} reads, {formatRps(load.write)} writes)
        </span>
      </>,
    ],
    [
      'Users',
      fact.audience === 'global'
        ? `Spread over the world: ${rttRange('global')} round trips to one region`
        : `Near the serving region: ${rttRange('regional')} round trips`,
    ],
    ['p95 read latency', `≤ ${fact.p95ReadMs} ms, server-side`],
    ...(fact.p95WriteMs !== null ? [['p95 write latency', `≤ ${fact.p95WriteMs} ms, server-side`] as [string, React.ReactNode]] : []),
    ...(fact.userStaticP95Ms !== null
      ? [['p95 of a static asset', `≤ ${fact.userStaticP95Ms} ms, as users perceive it`] as [string, React.ReactNode]]
      : []),
    [
      'Availability',
      <>
        ≥ {formatAvailability(fact.availability)}{' '}
        <span className="text-slate-500">(at most {downtimePerYear(fact.availability)} down a year)</span>
      </>,
    ],
    ...(fact.flashErrorRate !== null
      ? [
          [
            'Flash crowd',
            `at ${W.flashFactor}× the peak, ordinary users see at most ${formatPercent(fact.flashErrorRate)} errors`,
          ] as [string, React.ReactNode],
        ]
      : []),
    ['Budget', `${formatUsd(fact.budgetUsd)} a month`],
    [
      'Practices required',
      practices.length === 0 ? (
        'None yet'
      ) : (
        <ul className="list-disc space-y-0.5 pl-5">
          {practices.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ),
    ],
  ];
  return (
    <figure className="my-6 overflow-hidden rounded-lg border border-slate-200">
      <figcaption className="border-b border-slate-200 bg-slate-50 px-4 py-2 text-sm font-semibold text-slate-700">
        Stage {fact.stage} targets: {fact.name}
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
        user a day, peak {W.peakFactor}× the daily average, {formatPercent(W.staticShare)} of requests static and{' '}
        {formatPercent(W.readRatio)} of the rest reads; a read makes {W.queriesPerRead} database queries and a write{' '}
        {W.queriesPerWrite} statements. Server-side latency is measured from the entry of the serving region; a
        user-perceived figure adds the user&apos;s round trips.
      </p>
    </figure>
  );
}
