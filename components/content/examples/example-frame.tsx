'use client';

import { useId, type ReactNode } from 'react';

/**
 * The frame every live example shares: a title, the controls, and the
 * numbers the engine computed for the current setting.
 */
export function ExampleFrame({
  title,
  description,
  controls,
  children,
  footnote,
}: {
  title: string;
  description?: ReactNode;
  controls: ReactNode;
  children: ReactNode;
  footnote?: ReactNode;
}) {
  const id = useId();
  return (
    <figure
      aria-labelledby={`${id}-title`}
      className="not-prose my-8 overflow-hidden rounded-xl border border-slate-200 bg-white text-base shadow-sm"
      data-example
    >
      <div className="border-b border-slate-200 bg-slate-50 px-4 py-3">
        <p className="flex flex-wrap items-center gap-x-2 text-xs font-semibold tracking-wide text-brand-700 uppercase">
          <span className="inline-block h-2 w-2 rounded-full bg-healthy" aria-hidden="true" />
          Live example
        </p>
        <p id={`${id}-title`} className="mt-1 font-semibold text-slate-900">
          {title}
        </p>
        {description ? <p className="mt-1 text-sm leading-relaxed text-slate-600">{description}</p> : null}
      </div>
      <div className="space-y-4 px-4 py-4">{controls}</div>
      <div className="border-t border-slate-100 px-4 py-4" aria-live="polite">
        {children}
      </div>
      <figcaption className="border-t border-slate-100 bg-slate-50 px-4 py-2 text-xs leading-relaxed text-slate-500">
        {footnote ? <>{footnote} </> : null}
        Numbers computed in your browser by the ScaleLab model (the same engine that scores designs), at peak load.
      </figcaption>
    </figure>
  );
}

/** A labelled range input showing its current value. */
export function Slider({
  label,
  value,
  min,
  max,
  step = 1,
  onChange,
  format = String,
  hint,
}: {
  label: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  onChange: (value: number) => void;
  format?: (value: number) => string;
  hint?: string;
}) {
  const id = useId();
  return (
    <div>
      <div className="flex items-baseline justify-between gap-3">
        <label htmlFor={id} className="text-sm font-medium text-slate-800">
          {label}
        </label>
        <output htmlFor={id} className="font-mono text-sm text-slate-900 tabular-nums">
          {format(value)}
        </output>
      </div>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        aria-valuetext={format(value)}
        onChange={(e) => onChange(Number(e.target.value))}
        className="mt-2 h-2 w-full cursor-pointer accent-brand-600"
      />
      {hint ? <p className="mt-1 text-xs text-slate-500">{hint}</p> : null}
    </div>
  );
}

/** A whole-number stepper: − value +. */
export function Stepper({
  label,
  value,
  min,
  max,
  onChange,
  unit,
}: {
  label: string;
  value: number;
  min: number;
  max: number;
  onChange: (value: number) => void;
  unit?: (value: number) => string;
}) {
  const id = useId();
  const button =
    'flex h-9 w-9 items-center justify-center rounded-md border border-slate-300 bg-white text-lg font-medium text-slate-800 hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-40';
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <span id={id} className="text-sm font-medium text-slate-800">
        {label}
      </span>
      <div role="group" aria-labelledby={id} className="flex items-center gap-2">
        <button type="button" className={button} onClick={() => onChange(Math.max(min, value - 1))} disabled={value <= min} aria-label={`Fewer: ${label}`}>
          −
        </button>
        <output aria-live="polite" className="min-w-16 text-center font-mono text-sm text-slate-900 tabular-nums">
          {unit ? unit(value) : value}
        </output>
        <button type="button" className={button} onClick={() => onChange(Math.min(max, value + 1))} disabled={value >= max} aria-label={`More: ${label}`}>
          +
        </button>
      </div>
    </div>
  );
}

/** A small set of mutually exclusive options. */
export function Choice<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
}) {
  const name = useId();
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-800">{label}</legend>
      <div className="mt-2 flex flex-wrap gap-2">
        {options.map((o) => (
          <label
            key={o.value}
            className="flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 px-3 py-1.5 text-sm text-slate-800 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-500"
          >
            <input
              type="radio"
              name={name}
              value={o.value}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
              className="sr-only"
            />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** A labelled checkbox. */
export function Toggle({ label, checked, onChange }: { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className="flex cursor-pointer items-center gap-2 text-sm text-slate-800">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} className="h-4 w-4 accent-brand-600" />
      {label}
    </label>
  );
}

export type Tone = 'neutral' | 'good' | 'warn' | 'bad';

const TONES: Record<Tone, string> = {
  neutral: 'text-slate-900',
  good: 'text-healthy',
  warn: 'text-warm',
  bad: 'text-saturated',
};

/** One computed number. `name` labels it for screen readers and tests. */
export function Stat({ label, value, tone = 'neutral', detail }: { label: string; value: string; tone?: Tone; detail?: string }) {
  return (
    <div className="min-w-0 rounded-lg bg-slate-50 px-3 py-2">
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className={`mt-0.5 font-mono text-lg font-semibold tabular-nums ${TONES[tone]}`} data-stat={label}>
        {value}
      </dd>
      {detail ? <dd className="text-xs text-slate-500">{detail}</dd> : null}
    </div>
  );
}

export function Stats({ children }: { children: ReactNode }) {
  return <dl className="grid grid-cols-2 gap-2 sm:grid-cols-[repeat(auto-fit,minmax(9.5rem,1fr))]">{children}</dl>;
}

/** Colour a utilisation: fine, warm (≥ 0.8 is "hot" in the model), or saturated (≥ 1). */
export function utilizationTone(u: number): Tone {
  if (u >= 1) return 'bad';
  if (u >= 0.8) return 'warn';
  return 'good';
}

/** Colour a value against a target where lower is better (latency) or higher is better (availability). */
export function targetTone(value: number, target: number, higherIsBetter = false): Tone {
  return (higherIsBetter ? value >= target : value <= target) ? 'good' : 'bad';
}

/** Shown in place of numbers when the engine rejects a design (should not happen in shipped examples). */
export function ExampleError({ message }: { message: string }) {
  return <p className="text-sm text-saturated">The model could not evaluate this design: {message}</p>;
}
