'use client';

import { useId } from 'react';
import { TRADEOFF_MIN_WORDS } from '@/lib/interview/scoring';
import { wordCount } from '@/lib/interview/text-match';
import { DesignDiagram } from './design-diagram';
import { Icon } from './icons';
import { BTN_PRIMARY, CARD, INPUT } from './ui';
import type { PhaseProps } from './phase-props';

const PROMPTS = [
  'What did you choose, and what did each choice cost you, in your design’s numbers?',
  'Where is the design consistent, and where is it only eventually consistent?',
  'What breaks first as traffic grows, and what would you change then?',
  'How did you respond to each curveball?',
  'What would you do with another hour?',
];

/** Phase 4: the written trade-offs, with the design in view. */
export function TradeoffsPhase({
  problem,
  attempt,
  dispatch,
  onFinish,
}: Omit<PhaseProps, 'onNext'> & { onFinish(): void }) {
  const id = useId();
  const words = wordCount(attempt.tradeoffs);
  return (
    <div className="mx-auto grid w-full max-w-6xl gap-6 px-4 py-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,24rem)]">
      <section aria-labelledby={`${id}-title`} className={`${CARD} p-5`}>
        <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">
          Trade-offs and decisions
        </h2>
        <label htmlFor={id} className="mt-1 block text-sm text-slate-600">
          Explain your design as you would to the interviewer: the choices, the alternatives you turned down and why. A
          sentence counts when it names a component of your design and the number behind the choice (“the cache at
          85% hit ratio takes the database from 4,000 to 600 req/s”); lists of terms and repeats count for nothing.
        </label>
        <textarea
          id={id}
          value={attempt.tradeoffs}
          onChange={(e) => dispatch({ type: 'tradeoffs', text: e.target.value })}
          rows={16}
          aria-describedby={`${id}-count`}
          className={`${INPUT} mt-3 leading-6`}
        />
        <p
          id={`${id}-count`}
          className={`mt-2 text-xs ${words >= TRADEOFF_MIN_WORDS ? 'text-healthy' : 'text-slate-600'}`}
        >
          {words} {words === 1 ? 'word' : 'words'}
          {words < TRADEOFF_MIN_WORDS ? ` (aim for ${TRADEOFF_MIN_WORDS} or more)` : ''}
        </p>
        <div className="mt-5 flex justify-end">
          <button type="button" className={BTN_PRIMARY} onClick={onFinish}>
            Finish and see the review
            <Icon name="arrowRight" className="h-4 w-4" />
          </button>
        </div>
      </section>
      <div className="space-y-6">
        <section aria-labelledby={`${id}-prompts`} className={`${CARD} p-5`}>
          <h2 id={`${id}-prompts`} className="text-sm font-semibold text-slate-900">
            Questions to answer
          </h2>
          <ul className="mt-2 list-disc space-y-1.5 pl-5 text-sm leading-relaxed text-slate-700">
            {PROMPTS.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </section>
        <section aria-labelledby={`${id}-design`} className={`${CARD} p-4`}>
          <h2 id={`${id}-design`} className="mb-2 text-sm font-semibold text-slate-900">
            Your design
          </h2>
          <DesignDiagram design={attempt.design} title={`Your design for ${problem.title}`} />
        </section>
      </div>
    </div>
  );
}
