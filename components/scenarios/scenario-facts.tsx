import { CATALOG } from '@/lib/engine/data';
import { SCORE_VISIBILITY_FOR_STUDENTS, type PublicScenario } from '@/lib/classroom/scenarios/schema';
import { formatAvailability, formatFraction, formatPercent, formatUsdPerMonth, formatUsers } from '@/lib/shared/format';

const WORKLOAD_LABELS: Record<string, (v: number) => string> = {
  requestsPerUserPerDay: (v) => `${v} requests per user per day`,
  peakFactor: (v) => `peak hour ${v}× the daily average`,
  staticShare: (v) => `${formatPercent(v)} of requests for static files`,
  readRatio: (v) => `${formatPercent(v)} of dynamic requests are reads`,
  asyncShare: (v) => `${formatPercent(v)} of writes start a background job`,
  jobServiceMs: (v) => `background jobs take ${v} ms`,
  staticKB: (v) => `static responses ${v} KB`,
  dynamicKB: (v) => `dynamic responses ${v} KB`,
  dataPerUserMB: (v) => `${v} MB stored per user`,
  queriesPerRead: (v) => `${v} database queries per read`,
  queriesPerWrite: (v) => `${v} statements per write`,
  deploysPerDay: (v) => `${v} deploys a day`,
  flashFactor: (v) => `a flash crowd brings ${v}× the peak`,
};

/** The objectives model version 2 adds to a stage (write p95, a static asset as users see it, a flash crowd), in words. */
function moreObjectives(slo: PublicScenario['targets'][number]['slo']): string[] {
  const out: string[] = [];
  if (slo.p95WriteMs !== null) out.push(`p95 write ≤ ${slo.p95WriteMs} ms`);
  if (slo.userStaticP95Ms !== null) out.push(`a static file as users see it (p95, users worldwide) ≤ ${slo.userStaticP95Ms} ms`);
  if (slo.flashErrorRate !== null) out.push(`in a flash crowd at most ${formatFraction(slo.flashErrorRate, 3)} errors for ordinary users`);
  return out;
}

/** What a scenario asks for: targets with their SLOs, workload, allowed and locked components. */
export function ScenarioFacts({ scenario }: { scenario: Pick<PublicScenario, 'targets' | 'workload' | 'allowedKinds' | 'lockedNodeIds' | 'startingDesign' | 'scoreVisibility'> }) {
  const workload = Object.entries(scenario.workload).filter(([, v]) => typeof v === 'number') as [string, number][];
  const lockedLabels = scenario.lockedNodeIds.map((id) => {
    const n = scenario.startingDesign?.nodes.find((x) => x.id === id);
    return n ? (n.label ?? CATALOG[n.kind].label) : id;
  });
  return (
    <div className="space-y-4 text-sm">
      <section aria-labelledby="facts-targets">
        <h2 id="facts-targets" className="font-semibold text-slate-900">
          Targets
        </h2>
        <div className="relative mt-2 overflow-x-auto">
          <table className="w-full text-left">
            <thead>
              <tr className="border-b border-slate-200 text-slate-600">
                <th scope="col" className="py-1 pr-2 font-medium">
                  Target
                </th>
                <th scope="col" className="py-1 pr-2 font-medium">
                  p95 read
                </th>
                <th scope="col" className="py-1 pr-2 font-medium">
                  Availability
                </th>
                <th scope="col" className="py-1 font-medium">
                  Budget
                </th>
              </tr>
            </thead>
            <tbody>
              {scenario.targets.map((t) => (
                <tr key={t.key} className="border-b border-slate-100 align-top">
                  <th scope="row" className="py-1.5 pr-2 font-normal text-slate-900">
                    {t.label}
                    <span className="block text-xs text-slate-600">{formatUsers(t.users)} users</span>
                  </th>
                  <td className="py-1.5 pr-2 tabular-nums text-slate-700">≤ {t.slo.p95ReadMs} ms</td>
                  <td className="py-1.5 pr-2 tabular-nums text-slate-700">≥ {formatAvailability(t.slo.availability)}</td>
                  <td className="py-1.5 tabular-nums text-slate-700">{formatUsdPerMonth(t.slo.budgetUsd)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {scenario.targets.some((t) => moreObjectives(t.slo).length > 0) ? (
          <ul className="mt-2 space-y-1 text-slate-600" aria-label="Further objectives">
            {scenario.targets
              .filter((t) => moreObjectives(t.slo).length > 0)
              .map((t) => (
                <li key={t.key}>
                  {t.label} also holds: {moreObjectives(t.slo).join('; ')}.
                </li>
              ))}
          </ul>
        ) : null}
        {scenario.targets.some((t) => t.practices && t.practices !== 'none') ? (
          <ul className="mt-2 space-y-1 text-slate-600">
            {scenario.targets
              .filter((t) => t.practices && t.practices !== 'none')
              .map((t) => (
                <li key={t.key}>
                  Stage {t.stage} also needs: {t.practices}.
                </li>
              ))}
          </ul>
        ) : null}
      </section>
      {workload.length > 0 ? (
        <section aria-labelledby="facts-workload">
          <h2 id="facts-workload" className="font-semibold text-slate-900">
            Workload
          </h2>
          <ul className="mt-1 list-disc space-y-0.5 pl-5 text-slate-700">
            {workload.map(([k, v]) => (
              <li key={k}>{WORKLOAD_LABELS[k]?.(v) ?? `${k}: ${v}`}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="facts-kinds">
        <h2 id="facts-kinds" className="font-semibold text-slate-900">
          Components you may use
        </h2>
        <ul className="mt-2 flex flex-wrap gap-1.5">
          {scenario.allowedKinds.map((k) => (
            <li key={k} className="rounded-md border border-slate-200 bg-white px-2 py-0.5 text-slate-700">
              {CATALOG[k].label}
            </li>
          ))}
        </ul>
      </section>
      {lockedLabels.length > 0 ? (
        <section aria-labelledby="facts-locked">
          <h2 id="facts-locked" className="font-semibold text-slate-900">
            Locked by the instructor
          </h2>
          <p className="mt-1 text-slate-700">{lockedLabels.join(', ')} — these stay as they are; build around them.</p>
        </section>
      ) : null}
      <p className="text-slate-600">Scores: {SCORE_VISIBILITY_FOR_STUDENTS[scenario.scoreVisibility]}.</p>
    </div>
  );
}
