'use client';

/**
 * Shown when another tab saved this design while this tab had a change of its
 * own still unsaved: saving here waits until the user picks a version, so
 * neither tab's work is dropped without them deciding.
 */
export function OtherTabBanner({
  onKeepMine,
  onTakeTheirs,
  className = 'border-b',
}: {
  onKeepMine(): void;
  onTakeTheirs(): void;
  /** The frame: a bottom rule under a toolbar by default. */
  className?: string;
}) {
  return (
    <div role="alert" data-testid="other-tab-banner" className={`flex flex-wrap items-center gap-x-4 gap-y-2 ${className} border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-950`}>
      <p className="min-w-0 flex-1 basis-64">
        <strong className="font-semibold">This design was also changed in another tab.</strong> Saving is paused here until you choose which
        version to keep.
      </p>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          onClick={onKeepMine}
          className="rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700"
        >
          Keep this tab&rsquo;s version
        </button>
        <button
          type="button"
          onClick={onTakeTheirs}
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-800 hover:bg-slate-50"
        >
          Show the other tab&rsquo;s version
        </button>
      </div>
    </div>
  );
}
