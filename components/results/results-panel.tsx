'use client';

import { lazy, Suspense } from 'react';
import type { Evaluation } from '@/lib/engine/data';
import { STAGES } from '@/lib/rules/stages';
import { stageAtUsers, type ResultsSection } from '@/lib/editor/scoring';
import { formatUsers } from '@/lib/shared/format';
import { atUsersLine } from '@/lib/editor/stage-view';
import type { EditorState } from '@/lib/editor/store';
import { tabKeyTarget } from '@/lib/browser/tab-keys';
import { useEditor } from '@/components/editor/editor-provider';
import { EndToEnd } from './end-to-end';
import { ChaosPanel, GrowthChart } from './lazy-panels';
import { NodeFocus } from './node-focus';
import { Scorecard } from './scorecard';
import { useScoring, useScoringView } from './scoring-context';
import { StagePicker, UsersControl } from './users-control';
import { isJudgedVerdict, verdictUsers } from '@/lib/editor/judged-verdict';

// Only the interview and a scenario show a verdict card: loaded when one first shows, not with the sandbox.
const VerdictCard = lazy(() => import('./verdict-card').then((m) => ({ default: m.VerdictCard })));
const AwayFromVerdict = lazy(() => import('./verdict-card').then((m) => ({ default: m.AwayFromVerdict })));

const SECTIONS: { id: ResultsSection; label: string }[] = [
  { id: 'scorecard', label: 'Scorecard' },
  { id: 'growth', label: 'Growth' },
  { id: 'chaos', label: 'What if' },
];

const selectScored = (s: EditorState) => s.results?.scored ?? null;

function Calm({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-slate-50 p-4" data-testid="results-empty">
      <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
      <div className="mt-1 text-sm leading-relaxed text-slate-700">{children}</div>
    </div>
  );
}

/** The scorecard's place when the slider rests between stages: which load this is, and a way back to a judged stage. */
function BetweenStages({ evaluation }: { evaluation: Evaluation }) {
  const scoring = useScoring();
  const below = [...STAGES].reverse().find((s) => s.users < evaluation.users);
  const above = STAGES.find((s) => s.users > evaluation.users);
  return (
    <section className="rounded-lg border border-slate-200 bg-slate-50 p-3" data-testid="between-stages" aria-labelledby="between-stages-title">
      <h3 id="between-stages-title" className="text-sm font-semibold text-slate-900">
        {atUsersLine(evaluation)}
      </h3>
      <p className="mt-1 text-sm text-slate-700">
        No stage is judged at {formatUsers(evaluation.users)} users: the cards, the numbers below and the what-ifs are all at this load. Pick a stage to see its checks and score.
      </p>
      <div className="mt-2 flex flex-wrap gap-2">
        {[below, above].map((s) =>
          s ? (
            <button
              key={s.stage}
              type="button"
              onClick={() => scoring?.chooseStage(s.stage)}
              className="rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium text-slate-800 hover:border-brand-500"
            >
              Stage {s.stage}: {formatUsers(s.users)} users
            </button>
          ) : null,
        )}
      </div>
    </section>
  );
}

/**
 * The results of live scoring: users and stage controls, then the stage's
 * scorecard with the end-to-end numbers, the growth chart, or the what-if
 * comparisons (the last two computed only while open).
 */
export function ResultsPanel() {
  const scoring = useScoring();
  const scored = useEditor(selectScored);
  const section = useScoringView((v) => v.section);
  const stageNo = useScoringView((v) => v.stage);
  const busy = useScoringView((v) => v.busy);
  const evaluation = scored?.status === 'ok' ? scored.evaluation : null;
  // A stage is judged only at its own users; between stages every number is at the slider's load.
  const atStage = evaluation !== null && stageAtUsers(evaluation.users) === stageNo;
  const stage = atStage ? (evaluation?.stages.find((s) => s.stage === stageNo) ?? null) : null;

  return (
    <div
      className="h-full overflow-y-auto"
      aria-busy={busy}
      data-testid="results-panel"
      data-revision={scored?.revision ?? -1}
      data-users={scored?.status === 'ok' ? scored.users : undefined}
    >
      {/* Nothing to score: only the calm explanation, no controls that would do nothing. */}
      {evaluation ? (
        <div className="space-y-3 border-b border-slate-200 p-4">
          <UsersControl />
          <StagePicker stages={evaluation.stages} />
        </div>
      ) : null}
      <div className="p-4">
        <div role="tablist" aria-label="Results views" className={`grid grid-cols-3 rounded-lg bg-slate-100 p-0.5 ${evaluation ? '' : 'hidden'}`}>
          {SECTIONS.map((s) => (
            <button
              key={s.id}
              type="button"
              role="tab"
              id={`results-tab-${s.id}`}
              aria-selected={section === s.id}
              aria-controls="results-view"
              tabIndex={section === s.id ? 0 : -1}
              onClick={() => scoring?.setSection(s.id)}
              onKeyDown={(e) => {
                const to = tabKeyTarget(e.key, SECTIONS.indexOf(s), SECTIONS.length);
                if (to === null) return;
                e.preventDefault();
                scoring?.setSection(SECTIONS[to].id);
                document.getElementById(`results-tab-${SECTIONS[to].id}`)?.focus();
              }}
              className={`rounded-md px-2 py-1.5 text-sm font-medium ${
                section === s.id ? 'bg-white text-slate-900 shadow-sm' : 'text-slate-600 hover:text-slate-900'
              }`}
            >
              {s.label}
            </button>
          ))}
        </div>
        <div id="results-view" role="tabpanel" aria-labelledby={`results-tab-${section}`} className="mt-4 space-y-5">
          {scored === null ? (
            <p className="text-sm text-slate-700">Scoring the design…</p>
          ) : scored.status === 'empty' ? (
            <Calm title={scored.title}>{scored.message}</Calm>
          ) : scored.status === 'invalid' ? (
            <Calm title="This design cannot be scored yet">
              <p>The engine says: {scored.message}</p>
              <p className="mt-1">Fix that on the canvas and the numbers come back.</p>
            </Calm>
          ) : section === 'scorecard' ? (
            <>
              <NodeFocus evaluation={scored.evaluation} />
              {/* An interview or a scenario: its own verdict at its own load, in place of a stage's scorecard. */}
              {isJudgedVerdict(scored.verdict) ? (
                <Suspense fallback={<p className="text-sm text-slate-700">Scoring the design…</p>}>
                  {verdictUsers(scored.verdict) === scored.evaluation.users ? (
                    <VerdictCard verdict={scored.verdict} evaluation={scored.evaluation} />
                  ) : (
                    <AwayFromVerdict users={verdictUsers(scored.verdict) ?? scored.evaluation.users} at={scored.evaluation.users} />
                  )}
                </Suspense>
              ) : stage ? (
                <Scorecard stage={stage} evaluation={scored.evaluation} />
              ) : (
                <BetweenStages evaluation={scored.evaluation} />
              )}
              <EndToEnd evaluation={scored.evaluation} stage={stage} />
            </>
          ) : section === 'growth' ? (
            <GrowthChart />
          ) : (
            <ChaosPanel />
          )}
        </div>
      </div>
    </div>
  );
}
