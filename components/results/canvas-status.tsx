'use client';

import { useEffect } from 'react';
import type { EditorState } from '@/lib/editor/store';
import type { UtilisationBand } from '@/lib/editor/types';
import { formatInteger, formatMs, formatUsers } from '@/lib/shared/format';
import { atUsersLine, displayScore } from '@/lib/editor/stage-view';
import { bandOf } from '@/lib/editor/results';
import { stageAtUsers } from '@/lib/editor/scoring';
import { TRAFFIC_REQUESTS, TRAFFIC_SEED } from '@/lib/editor/scoring-params';
import { useEditor, useEditorStore } from '@/components/editor/editor-provider';
import { useScoring, useScoringView } from './scoring-context';
import { useReducedMotion } from './use-reduced-motion';

const BAND_DOT: Record<UtilisationBand, string> = { healthy: 'bg-healthy', warm: 'bg-warm', hot: 'bg-hot', saturated: 'bg-saturated' };

const selectEvaluation = (s: EditorState) => {
  const scored = s.results?.scored;
  return scored?.status === 'ok' ? scored.evaluation : null;
};

/**
 * A calm line over the canvas: the chosen stage's verdict (a button that
 * opens the results, the way in on a tablet) and the traffic toggle.
 */
export function CanvasStatus() {
  const store = useEditorStore();
  const scoring = useScoring();
  const evaluation = useEditor(selectEvaluation);
  const stageNo = useScoringView((v) => v.stage);
  const traffic = useScoringView((v) => v.traffic);
  const simulation = useScoringView((v) => v.simulation);
  const revision = useScoringView((v) => v.revision);
  const users = useScoringView((v) => v.users);
  const reduced = useReducedMotion();
  useEffect(() => {
    if (traffic) scoring?.ensureSimulation();
  }, [scoring, traffic, revision, users]);
  if (!scoring || !evaluation) return null;
  // Between stages no stage is judged: the chip says so, from the evaluation the cards show.
  const atStage = stageAtUsers(evaluation.users) === stageNo;
  const stage = atStage ? evaluation.stages.find((s) => s.stage === stageNo) : undefined;
  const busiestBand = bandOf(evaluation.bottleneck.utilization);
  const open = () => {
    scoring.setTab('results');
    scoring.setSection('scorecard');
    store.getState().setPanel('inspector', true);
  };
  const sim = traffic && simulation?.status === 'ready' ? simulation.value : null;
  return (
    <div className="pointer-events-none absolute right-3 top-3 z-10 flex max-w-[calc(100%-1.5rem)] flex-col items-end gap-1.5">
      <div className="pointer-events-auto flex items-center gap-1 rounded-lg border border-slate-200 bg-white/95 p-1 shadow-sm">
        <button
          type="button"
          onClick={open}
          className="flex items-center gap-2 rounded-md px-2 py-1 text-sm hover:bg-slate-50"
          data-testid="canvas-verdict"
        >
          {stage ? (
            <>
              <span aria-hidden="true" className={`h-2.5 w-2.5 rounded-full ${stage.passed ? 'bg-healthy' : 'bg-saturated'}`} />
              <span className="text-slate-800">
                Stage {stage.stage} · {formatUsers(stage.users)}:{' '}
                <span className={`font-semibold ${stage.passed ? 'text-healthy' : 'text-saturated'}`}>{stage.passed ? 'passes' : 'fails'}</span>{' '}
                <span className="font-mono text-slate-700">{displayScore(stage.score, stage.passed)}/100</span>
              </span>
            </>
          ) : (
            <>
              <span aria-hidden="true" className={`h-2.5 w-2.5 rounded-full ${BAND_DOT[busiestBand]}`} />
              <span className="text-slate-800" data-testid="canvas-at-users">
                {atUsersLine(evaluation)}
              </span>
            </>
          )}
          <span className="sr-only">, open the results</span>
        </button>
        <button
          type="button"
          aria-pressed={traffic}
          onClick={() => scoring.setTraffic(!traffic)}
          className={`rounded-md px-2 py-1 text-sm font-medium ${traffic ? 'bg-brand-50 text-brand-700' : 'text-slate-700 hover:bg-slate-50'}`}
        >
          Traffic
        </button>
      </div>
      {traffic ? (
        <p role="status" className="pointer-events-auto max-w-xs rounded-md border border-slate-200 bg-white/95 px-2.5 py-1.5 text-xs text-slate-700 shadow-sm">
          {!sim
            ? 'Simulating traffic…'
            : `Simulated ${formatInteger(TRAFFIC_REQUESTS)} requests (seed ${TRAFFIC_SEED}) at ${formatUsers(sim.users)} users: p95 read ${formatMs(sim.p95ReadMs)}.`}
          {reduced ? ' Reduced motion is on, so nothing moves: line widths and labels show the simulated load.' : ''}
        </p>
      ) : null}
    </div>
  );
}
