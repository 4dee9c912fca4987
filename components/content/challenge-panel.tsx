import { Hints } from './hints';

/** A lesson's challenge and its hints (revealed one at a time). */
export function ChallengePanel({ lessonId, stage, challenge, hints }: { lessonId: string; stage: number; challenge: string; hints: string[] }) {
  return (
    <section aria-labelledby="challenge-panel-title" className="rounded-xl border border-brand-100 bg-brand-50 p-5 lg:p-3">
      <p className="text-xs font-semibold tracking-wide text-brand-700 uppercase">Stage {stage} challenge</p>
      <h2 id="challenge-panel-title" className="mt-1 text-lg font-semibold text-slate-900 lg:text-base">
        {challenge}
      </h2>
      <div className="mt-4 lg:mt-2">
        <Hints lessonId={lessonId} hints={hints} />
      </div>
    </section>
  );
}
