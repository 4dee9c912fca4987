/**
 * The analytic engine against the simulation, from content/model/accuracy.json
 * (written by scripts/accuracy.ts; a test checks it is what the code
 * produces now).
 */
import type { AccuracyCaseReport, AccuracyRow, Metric } from '@/lib/engine';
import { formatInteger, formatNumber, formatPercent } from '@/lib/shared/format';
import { TableWrap, td, tdNum, th } from './reference-tables';

export interface AccuracyData {
  generatedOn: string;
  seed: number;
  tolerance: { utilization: number; utilizationFloor: number; mean: number; p99: number; minVisits: number; maxNoiseShare: number };
  cases: AccuracyCaseReport[];
}

const METRIC_WORDS: Record<Metric, string> = {
  utilization: 'utilisation',
  mean: 'mean latency',
  p95: 'p95',
  p99: 'p99',
  arrivalRps: 'arrivals / s',
};

/** The row with the largest difference relative to its tolerance, per metric. */
function worst(rows: AccuracyRow[], metric: Metric): AccuracyRow | null {
  let best: AccuracyRow | null = null;
  for (const r of rows) {
    if (r.metric !== metric || r.tolerance === null) continue;
    const score = r.toleranceKind === 'absolute' ? Math.abs(r.simulated - r.analytic) / r.tolerance : r.relativeDiff / r.tolerance;
    const bestScore = best ? (best.toleranceKind === 'absolute' ? Math.abs(best.simulated - best.analytic) / best.tolerance! : best.relativeDiff / best.tolerance!) : -1;
    if (score > bestScore) best = r;
  }
  return best;
}

function diffText(r: AccuracyRow): string {
  if (r.toleranceKind === 'absolute') return `${formatNumber(Math.abs(r.simulated - r.analytic), 2)} abs.`;
  return formatPercent(r.relativeDiff, 1);
}

function WorstCell({ row }: { row: AccuracyRow | null }) {
  if (!row) return <td className={tdNum}>—</td>;
  return (
    <td className={`${tdNum} ${row.passed ? '' : 'bg-amber-50 font-semibold text-amber-900'}`}>
      {diffText(row)}
      <span className="block text-xs font-normal text-slate-600">{row.where}</span>
    </td>
  );
}

function value(r: AccuracyRow): string {
  if (r.metric === 'utilization') return formatPercent(r.analytic, 1);
  if (r.metric === 'arrivalRps') return formatNumber(r.analytic, 4);
  return `${formatNumber(r.analytic, 3)} ms`;
}

function simulatedValue(r: AccuracyRow): string {
  if (r.metric === 'utilization') return formatPercent(r.simulated, 1);
  if (r.metric === 'arrivalRps') return formatNumber(r.simulated, 4);
  return `${formatNumber(r.simulated, 3)} ms`;
}

function Summary({ cases, caption }: { cases: AccuracyCaseReport[]; caption: string }) {
  return (
    <TableWrap caption={caption}>
      <thead>
        <tr>
          <th scope="col" className={th}>
            Design
          </th>
          <th scope="col" className={`${th} text-right`}>
            Busiest ρ
          </th>
          <th scope="col" className={`${th} text-right`}>
            Utilisation
          </th>
          <th scope="col" className={`${th} text-right`}>
            Mean latency
          </th>
          <th scope="col" className={`${th} text-right`}>
            p99
          </th>
          <th scope="col" className={th}>
            Result
          </th>
        </tr>
      </thead>
      <tbody>
        {cases.map((c) => (
          <tr key={c.name}>
            <th scope="row" className={`${td} min-w-52 font-normal`}>
              <span className="font-medium text-slate-900">{c.name}</span>
              <span className="block text-xs text-slate-600">{c.about}</span>
              <span className="block text-xs text-slate-600">{formatInteger(c.requests)} simulated requests</span>
            </th>
            <td className={tdNum}>{formatNumber(c.maxUtilization, 2)}</td>
            <WorstCell row={worst(c.rows, 'utilization')} />
            <WorstCell row={worst(c.rows, 'mean')} />
            <WorstCell row={worst(c.rows, 'p99')} />
            <td className={td}>
              {c.passed ? (
                <span className="font-medium text-healthy">within tolerance</span>
              ) : (
                <span className="font-medium text-amber-900">
                  {c.rows.filter((r) => !r.passed).length} of {c.rows.filter((r) => r.tolerance !== null).length} outside
                </span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </TableWrap>
  );
}

function Details({ c }: { c: AccuracyCaseReport }) {
  return (
    <details className="rounded-lg border border-slate-200 bg-white px-4 py-2">
      <summary className="cursor-pointer font-medium text-slate-900">
        {c.name}: every comparison <span className="font-normal text-slate-600">({c.rows.length} figures)</span>
      </summary>
      <div className="mt-2 overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm">
          <thead>
            <tr>
              <th scope="col" className={th}>
                Where
              </th>
              <th scope="col" className={th}>
                Figure
              </th>
              <th scope="col" className={`${th} text-right`}>
                Analytic
              </th>
              <th scope="col" className={`${th} text-right`}>
                Simulated
              </th>
              <th scope="col" className={`${th} text-right`}>
                Difference
              </th>
              <th scope="col" className={`${th} text-right`}>
                Tolerance
              </th>
              <th scope="col" className={`${th} text-right`}>
                Samples
              </th>
            </tr>
          </thead>
          <tbody>
            {c.rows.map((r) => (
              <tr key={`${r.where}-${r.metric}`} className={r.passed ? '' : 'bg-amber-50'}>
                <td className={`${td} whitespace-nowrap`}>{r.where}</td>
                <td className={td}>{METRIC_WORDS[r.metric]}</td>
                <td className={tdNum}>{value(r)}</td>
                <td className={tdNum}>{simulatedValue(r)}</td>
                <td className={`${tdNum} ${r.passed ? '' : 'font-semibold text-amber-900'}`}>{diffText(r)}</td>
                <td className={tdNum}>{r.tolerance === null ? (r.metric === 'utilization' ? 'too few visits' : 'shown') : r.toleranceKind === 'absolute' ? `±${r.tolerance}` : formatPercent(r.tolerance, 0)}</td>
                <td className={tdNum}>{formatInteger(r.samples)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/** A group of cases: the summary table, then every case's comparisons. */
function CaseGroup({ cases, caption }: { cases: AccuracyCaseReport[]; caption: string }) {
  return (
    <>
      <Summary cases={cases} caption={caption} />
      <div className="space-y-2">
        {cases.map((c) => (
          <Details key={c.name} c={c} />
        ))}
      </div>
    </>
  );
}

export function AccuracyTables({ data }: { data: AccuracyData }) {
  const checks = data.cases.filter((c) => c.group === 'check');
  const references = data.cases.filter((c) => c.group === 'reference');
  const limits = data.cases.filter((c) => c.group === 'limit');
  let worstReferenceP99: { name: string; row: AccuracyRow } | null = null;
  for (const c of references) {
    const row = worst(c.rows, 'p99');
    if (row && (!worstReferenceP99 || row.relativeDiff > worstReferenceP99.row.relativeDiff)) worstReferenceP99 = { name: c.name, row };
  }
  // Every reference figure outside its tolerance, read from the generated table (never typed by hand).
  const departures = references.flatMap((c) =>
    c.rows.filter((r) => !r.passed && r.tolerance !== null).map((r) => `${c.name}, ${r.where} ${METRIC_WORDS[r.metric]} (${diffText(r)})`),
  );
  return (
    <>
      <p className="mt-3 max-w-3xl text-sm text-slate-600">
        Generated on {data.generatedOn} with seed {data.seed}; the first 10% of each run’s requests are discarded as warm-up. Each cell shows the
        largest difference for that figure over the design’s nodes and request classes, and where it occurs.
      </p>
      <CaseGroup cases={checks} caption="Checks: each held to the tolerances by the test suite" />
      <h3 className="mt-8 text-lg font-semibold text-slate-900">The stages’ reference designs</h3>
      <p className="mt-2 leading-relaxed text-slate-700">
        Realistic designs, shown as they come out rather than held to the tolerances. Some components see only a small share of the
        traffic (workers behind a queue, a primary that only takes the writes). A busy fraction measured over N random visits has a
        sampling error of about √(2/N), 6% at 600 visits, more than the 3% tolerance itself; where that error is over a third of the
        tolerance (fewer than {formatInteger(Math.ceil(2 / (data.tolerance.utilization * data.tolerance.maxNoiseShare) ** 2 - 1e-6))} visits at 3%),
        the utilisation is shown but not judged. The hardest stations are the app tiers of stages 1 to 5, which run 200 ms jobs inline
        beside 1 to 8 ms requests on two cores: most requests that wait do so briefly, a few wait behind a job for much longer. The model
        keeps that shape by fitting the wait on three moments, not two (see the decisions below).
        {worstReferenceP99?.row.passed ? (
          <>
            {' '}
            The largest p99 difference among the references is {formatPercent(worstReferenceP99.row.relativeDiff, 1)} ({worstReferenceP99.name},{' '}
            {worstReferenceP99.row.where}), within the tolerance.
          </>
        ) : null}
        {departures.length > 0 ? (
          <> Outside the tolerance (amber below): {departures.join('; ')}.</>
        ) : (
          <> Every judged reference figure is within the tolerance.</>
        )}
      </p>
      <CaseGroup cases={references} caption="Stage reference designs (informative)" />
      {limits.length > 0 ? (
        <>
          <h3 className="mt-8 text-lg font-semibold text-slate-900">Known limits</h3>
          <p className="mt-2 leading-relaxed text-slate-700">
            Where the engine simplifies on purpose, simulated as the real system behaves. Least-connections is modelled as one shared queue
            (right when the balancer holds requests until an instance has a free core); without such a limit each request joins the
            shortest queue and stays there, and waits longer than the model says. A partitioned store with a hot partition is
            reported by its hottest partition: its utilisation, and the wait every request to it is given, so the store’s own response
            times are pessimistic while the requests to its other partitions wait less.
          </p>
          <CaseGroup cases={limits} caption="Known limits (informative)" />
        </>
      ) : null}
    </>
  );
}
