import type { ReactNode } from 'react';

export type CalloutType = 'tip' | 'warning' | 'note';

const STYLES: Record<CalloutType, { label: string; box: string; label_: string; icon: string }> = {
  tip: { label: 'Tip', box: 'border-emerald-600 bg-emerald-50', label_: 'text-emerald-800', icon: '✓' },
  warning: { label: 'Warning', box: 'border-amber-500 bg-amber-50', label_: 'text-amber-900', icon: '!' },
  note: { label: 'Note', box: 'border-brand-500 bg-brand-50', label_: 'text-brand-700', icon: 'i' },
};

/** A boxed aside in the prose: `<Callout type="tip" title="…">…</Callout>`. */
export function Callout({ type = 'note', title, children }: { type?: CalloutType; title?: string; children: ReactNode }) {
  const style = STYLES[type] ?? STYLES.note;
  return (
    <aside
      role="note"
      aria-label={title ?? style.label}
      className={`my-6 rounded-r-lg border-l-4 px-4 py-3 text-[0.95rem] leading-relaxed text-slate-800 ${style.box}`}
    >
      <p className={`mb-1 flex items-center gap-2 text-sm font-semibold ${style.label_}`}>
        <span
          aria-hidden="true"
          className="inline-flex h-5 w-5 items-center justify-center rounded-full border border-current text-xs leading-none"
        >
          {style.icon}
        </span>
        {title ?? style.label}
      </p>
      <div className="[&>*:first-child]:mt-0 [&>*:last-child]:mb-0 [&>p]:my-2">{children}</div>
    </aside>
  );
}
