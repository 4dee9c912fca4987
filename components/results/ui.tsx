/** Small building blocks shared by the results panel's sections. */
import type { ReactNode } from 'react';

export function SectionTitle({ children, id }: { children: ReactNode; id?: string }) {
  return (
    <h3 id={id} className="text-xs font-semibold uppercase tracking-wide text-slate-600">
      {children}
    </h3>
  );
}

export function Stat({ label, value, note }: { label: string; value: ReactNode; note?: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className="mt-0.5 font-mono text-sm font-semibold text-slate-900">{value}</dd>
      {note ? <dd className="text-xs text-slate-600">{note}</dd> : null}
    </div>
  );
}

export function PassMark({ passed }: { passed: boolean }) {
  return (
    <span
      aria-hidden="true"
      className={`grid h-4 w-4 shrink-0 place-items-center rounded-full text-[10px] font-bold leading-none text-white ${passed ? 'bg-healthy' : 'bg-saturated'}`}
    >
      {passed ? '✓' : '✕'}
    </span>
  );
}
