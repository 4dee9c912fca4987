'use client';

import { useStoredValue } from '@/lib/browser/browser-state';
import { lessonHintsKey, parseHintsShown, serializeHintsShown } from '@/lib/learn/lesson-view';

/**
 * Reveals a lesson's hints one at a time, so a learner takes only as much
 * help as they need; the ones revealed stay revealed in this browser.
 */
export function Hints({ lessonId, hints }: { lessonId: string; hints: string[] }) {
  const [shown, setShown] = useStoredValue(lessonHintsKey(lessonId), (text) => parseHintsShown(text, hints.length), serializeHintsShown);
  // The heading and the button share a row, and the revealed hints follow it: the
  // button stays just under the challenge however many hints are open, so it is in
  // sight in the lesson's compact panel above the canvas.
  return (
    <div>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <h3 className="text-sm font-semibold text-slate-900">Hints</h3>
        {shown < hints.length ? (
          <button
            type="button"
            onClick={() => setShown(shown + 1)}
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50"
          >
            {shown === 0 ? 'Show a hint' : 'Show the next hint'} ({shown + 1} of {hints.length})
          </button>
        ) : (
          <p className="text-sm text-slate-600">That is every hint.</p>
        )}
        {shown > 0 && (
          <button type="button" onClick={() => setShown(0)} className="text-sm text-slate-600 underline hover:text-slate-900">
            Hide hints
          </button>
        )}
      </div>
      {shown > 0 && (
        <ol className="mt-2 space-y-2" aria-live="polite">
          {hints.slice(0, shown).map((hint, i) => (
            <li key={i} className="flex gap-3 rounded-md bg-white px-3 py-2 text-sm leading-relaxed text-slate-800 shadow-sm">
              <span className="font-mono text-xs leading-6 text-slate-500">{i + 1}</span>
              <span>{hint}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
