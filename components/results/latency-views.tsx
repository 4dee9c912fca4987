'use client';

import { AUDIENCE, type Evaluation, type LatencySummary, type StageResult } from '@/lib/engine/data';
import { audienceNote, USER_CLASSES, type UserClass } from '@/lib/editor/latency-view';
import { formatMs } from '@/lib/shared/format';
import { SectionTitle } from './ui';

type Limits = Record<UserClass, number | null>;

function View({
  title,
  note,
  values,
  limits,
  testId,
}: {
  title: string;
  note: string;
  values: Record<UserClass, LatencySummary>;
  limits: Limits;
  testId: string;
}) {
  return (
    <div className="min-w-0 rounded-lg border border-slate-200 p-2.5" data-testid={testId}>
      <h4 className="text-sm font-semibold text-slate-900">{title}</h4>
      <p className="mt-0.5 text-xs leading-snug text-slate-600">{note}</p>
      <dl className="mt-2 space-y-1">
        {USER_CLASSES.map((c) => {
          const v = values[c.id].p95;
          const limit = limits[c.id];
          const over = limit !== null && v > limit;
          return (
            <div key={c.id} className="flex flex-wrap items-baseline justify-between gap-x-2 border-t border-slate-100 pt-1" data-class={c.id}>
              <dt className="text-sm text-slate-700">{c.label}</dt>
              <dd className="text-right">
                <span className={`font-mono text-sm font-semibold ${over ? 'text-saturated' : 'text-slate-900'}`}>{formatMs(v)}</span>
                {limit !== null ? (
                  <span className={`block text-[11px] leading-tight ${over ? 'text-saturated' : 'text-slate-600'}`}>
                    {over ? 'over' : 'within'} {formatMs(limit)}
                  </span>
                ) : null}
              </dd>
            </div>
          );
        })}
      </dl>
    </div>
  );
}

/**
 * The two latency views of MODEL.md §9.4 side by side: server-side p95 per
 * class (from the entry of the serving region, what a dashboard SLO
 * measures) and user-perceived p95 (adding the user's round trips), each
 * marked against the chosen stage's objectives when that stage is at these
 * users.
 */
export function LatencyViews({ evaluation, stage }: { evaluation: Evaluation; stage: StageResult | null }) {
  const lat = evaluation.endToEnd.latencyMs;
  const audience = evaluation.workload.audience;
  // A stage's objectives apply where it is judged: at its own users.
  const o = stage && stage.users === evaluation.users ? stage.objectives : null;
  const server: Limits = { static: null, read: o?.p95ReadMs ?? null, write: o?.p95WriteMs ?? null };
  // The user-perceived objective holds for the stage's audience; marked here only when that is this design's.
  const sameAudience = o?.audience === audience;
  const user: Limits = { static: sameAudience ? (o?.userStaticP95Ms ?? null) : null, read: null, write: null };
  const firstAsset = AUDIENCE.staticRoundTrips.value;
  const apiCall = AUDIENCE.dynamicRoundTrips.value;
  const judgedElsewhere = o && !sameAudience && o.userStaticP95Ms !== null ? o : null;
  return (
    <section aria-labelledby="latency-views-title" data-testid="latency-views">
      <SectionTitle id="latency-views-title">p95 latency, two views</SectionTitle>
      <div className="mt-2 grid grid-cols-2 gap-2">
        <View title="Server-side" note="From the entry of the serving region: what an SLO on a dashboard measures." values={lat} limits={server} testId="latency-server" />
        <View
          title="User-perceived"
          note={`Adds the user’s round trips: ${firstAsset} for a first asset, ${apiCall} for an API call.`}
          values={lat.userPerceived}
          limits={user}
          testId="latency-user"
        />
      </div>
      <p className="mt-1.5 text-xs leading-snug text-slate-700" data-testid="latency-audience">
        This design’s users are a {audience} audience: {audienceNote(AUDIENCE[audience].value)}.
        {judgedElsewhere
          ? ` Stage ${stage!.stage} holds static assets to ${formatMs(judgedElsewhere.userStaticP95Ms!)} for a ${judgedElsewhere.audience} audience (${audienceNote(AUDIENCE[judgedElsewhere.audience].value)}): the scorecard’s check measures that.`
          : ''}
      </p>
    </section>
  );
}
