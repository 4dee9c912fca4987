'use client';

import { useId, useState } from 'react';

/** A link shown in full with a Copy button; says when it was copied. */
export function CopyField({ label, value, hint, secret = false }: { label: string; value: string; hint?: string; secret?: boolean }) {
  const id = useId();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('yes');
    } catch {
      // No clipboard permission (e.g. plain http): select the text instead.
      const input = document.getElementById(id) as HTMLInputElement | null;
      input?.select();
      setCopied('failed');
    }
    setTimeout(() => setCopied(null), 2500);
  };
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
        {secret ? <span className="ml-2 rounded bg-amber-50 px-1.5 py-0.5 text-xs font-medium text-amber-800">private</span> : null}
      </label>
      <div className="mt-1 flex gap-2">
        <input
          id={id}
          readOnly
          value={value}
          onFocus={(e) => e.currentTarget.select()}
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-2.5 py-1.5 font-mono text-sm text-slate-800"
        />
        <button
          type="button"
          onClick={() => void copy()}
          className="shrink-0 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50"
        >
          {copied === 'yes' ? 'Copied' : 'Copy'}
          <span className="sr-only"> {label.toLowerCase()}</span>
        </button>
      </div>
      <p className="mt-1 text-xs text-slate-600" aria-live="polite">
        {copied === 'failed' ? 'Copying is blocked here; the link is selected — press Ctrl+C.' : hint}
      </p>
    </div>
  );
}
