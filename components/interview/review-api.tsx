import type { ApiJudgement, PartitionResult } from '@/lib/interview/api-check';
import type { Problem } from '@/lib/interview/schema';
import { Badge, CARD, PassMark, type Tone } from './ui';
import { formatFraction, formatInteger, formatUtilization } from '@/lib/shared/format';

const VERDICT: Record<PartitionResult['verdict'], { label: string; tone: Tone }> = {
  good: { label: 'Spreads the load', tone: 'good' },
  concentrated: { label: 'Holds now, cannot spread', tone: 'mid' },
  overloaded: { label: 'Hot partition', tone: 'bad' },
  missing: { label: 'No partition key', tone: 'bad' },
};

const load = (u: number) => (u >= 1 ? `${u.toFixed(1)}× its limit` : formatUtilization(u));

/** The review's "Entities & API" section: each request the problem needs, the keys, and the partition key in the model's numbers. */
export function ApiReview({ problem, judgement: j }: { problem: Problem; judgement: ApiJudgement }) {
  const p = j.partition;
  const f = p.figures;
  return (
    <section
      aria-labelledby="api-review"
      className={`${CARD} break-inside-avoid p-5 print:border-slate-300 print:shadow-none`}
    >
      <h2 id="api-review" className="text-lg font-semibold text-slate-900">
        Entities &amp; API
      </h2>

      <h3 className="mt-3 flex flex-wrap items-center gap-2 text-sm font-semibold text-slate-900">
        Partition key{p.yours ? <span className="font-mono font-normal">{p.yours}</span> : null}
        <Badge tone={VERDICT[p.verdict].tone}>{VERDICT[p.verdict].label}</Badge>
      </h3>
      <p className="mt-1 text-sm leading-relaxed text-slate-800">{p.sentence}</p>
      {f ? (
        <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-4">
          <div>
            <dt className="text-xs text-slate-500">Store ({f.onReference ? 'reference design' : 'your design'})</dt>
            <dd className="text-slate-900">
              {f.store}, {f.partitions} partitions{f.split ? ' (split for the check)' : ''}
            </dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">At the store, peak</dt>
            <dd className="text-slate-900">
              {formatInteger(f.writesRps)} writes/s · {formatInteger(f.readsRps)} reads/s
            </dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">Hottest partition’s share</dt>
            <dd className="text-slate-900">
              {formatFraction(f.hotShare, 1)} <span className="text-slate-500">(even: {formatFraction(1 / f.partitions, 1)})</span>
            </dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">Hottest partition’s load</dt>
            <dd className={f.utilization >= 1 ? 'font-semibold text-saturated' : 'text-slate-900'}>
              {load(f.utilization)}{' '}
              <span className="font-normal text-slate-500">(even: {load(f.evenUtilization)})</span>
            </dd>
          </div>
        </dl>
      ) : null}

      <h3 className="mt-5 text-sm font-semibold text-slate-900">Requests the problem needs</h3>
      <ul className="mt-2 space-y-2 text-sm">
        {j.patterns.map((r) => {
          const ok = r.checks.every((c) => c.ok);
          return (
            <li key={r.pattern.id} className="flex items-start gap-2">
              <PassMark passed={ok} label={ok ? 'served' : 'not fully served'} />
              <span className="min-w-0 text-slate-800">
                {r.pattern.label}
                {r.endpoint ? (
                  <span className="ml-1 font-mono text-xs text-slate-600 wrap-anywhere">
                    {r.endpoint.method} {r.endpoint.path}
                  </span>
                ) : null}
                {r.checks
                  .filter((c) => !c.ok)
                  .map((c) => (
                    <span key={c.text} className="block text-xs text-slate-700 wrap-anywhere">
                      {c.text}
                    </span>
                  ))}
              </span>
            </li>
          );
        })}
      </ul>

      <div className="mt-5 grid gap-6 sm:grid-cols-2">
        <div>
          <h3 className="text-sm font-semibold text-slate-900">Core entities</h3>
          <ul className="mt-2 space-y-1.5 text-sm">
            {j.entities.expected.map((e) => (
              <li key={e.id} className="flex items-start gap-2">
                <PassMark passed={e.yours !== null} label={e.yours ? 'present' : 'missing'} />
                <span className="text-slate-800">
                  {e.label}
                  {e.yours && e.yours !== e.label ? <span className="text-slate-500"> (your “{e.yours}”)</span> : null}
                </span>
              </li>
            ))}
          </ul>
          {j.entities.noId.length > 0 ? (
            <p className="mt-2 text-xs text-slate-700">Without an id field: {j.entities.noId.join(', ')}.</p>
          ) : null}
        </div>
        <div>
          <h3 className="text-sm font-semibold text-slate-900">Keys and indexes</h3>
          <ul className="mt-2 space-y-1.5 text-sm">
            {j.tables.lookups.map((l) => (
              <li key={l.text} className="flex items-start gap-2">
                <PassMark passed={l.ok} />
                <span className="text-slate-800">{l.text}</span>
              </li>
            ))}
            {j.tables.noKey.map((n) => (
              <li key={n} className="flex items-start gap-2">
                <PassMark passed={false} />
                <span className="text-slate-800">{n} has no primary key.</span>
              </li>
            ))}
          </ul>
        </div>
      </div>
      {problem.interface.internal.length > 0 ? (
        <>
          <h3 className="mt-5 text-sm font-semibold text-slate-900">Served without an endpoint of its own</h3>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm leading-relaxed text-slate-700">
            {problem.interface.internal.map((r) => (
              <li key={r.requirement}>
                {problem.requirements.find((x) => x.id === r.requirement)?.text} {r.why}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
