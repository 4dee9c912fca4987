'use client';

import { useId, useState } from 'react';
import { ESTIMATE_TRIES, estimatesLocked } from '@/lib/interview/attempt';
import { LEVEL_RUBRIC } from '@/lib/interview/levels';
import {
  BANDWIDTH_UNITS,
  ESTIMATE_LABEL,
  STORAGE_UNITS,
  VERDICT_LABEL,
  ESTIMATES,
  estimateError,
  formatFigure,
  judgeTries,
  parseEstimate,
  RETRY_RULE,
  workingFor,
  type BandwidthUnit,
  type EstimateId,
  type EstimateInputs,
  type EstimateVerdict,
  type StorageUnit,
} from '@/lib/interview/estimation';
import { problemWorkload } from '@/lib/interview/model';
import { Facts } from './brief';
import { Icon } from './icons';
import { BTN_PRIMARY, BTN_SECONDARY, Badge, CARD, INPUT, type Tone } from './ui';
import { formatPercent } from '@/lib/shared/format';
import type { PhaseProps } from './phase-props';

const VERDICT_TONE: Record<EstimateVerdict, Tone> = {
  'on-target': 'good',
  close: 'mid',
  off: 'bad',
  missing: 'neutral',
};

function NumberField({
  id,
  label,
  hint,
  text,
  error,
  disabled,
  onText,
  onBlur,
  unit,
}: {
  id: string;
  label: string;
  hint: string;
  /** The text as typed, so "1e5" or "12," survive while the number is being written. */
  text: string;
  /** What is wrong with it, once the candidate has left the field or asked for the check. */
  error: string | null;
  disabled: boolean;
  onText(text: string): void;
  onBlur(): void;
  unit: React.ReactNode;
}) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-900">
        {label}
      </label>
      <p id={`${id}-hint`} className="text-xs text-slate-600">
        {hint}
      </p>
      <div className="mt-1.5 flex gap-2">
        <input
          id={id}
          inputMode="decimal"
          autoComplete="off"
          aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
          aria-invalid={error ? true : undefined}
          value={text}
          disabled={disabled}
          onChange={(e) => onText(e.target.value)}
          onBlur={onBlur}
          className={`${INPUT} font-mono ${error ? 'border-saturated ring-1 ring-saturated' : ''}`}
        />
        {unit}
      </div>
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-xs font-medium text-saturated">
          {error}
        </p>
      ) : null}
    </div>
  );
}

const textOf = (v: number | null) => (v === null ? '' : String(v));

/** Phase 2: three back-of-the-envelope figures, then the model's beside them. */
export function EstimationPhase({ problem, attempt, dispatch, onNext }: PhaseProps) {
  const base = useId();
  const e = attempt.estimates;
  const checked = attempt.estimateTries.length > 0;
  const locked = estimatesLocked(attempt);
  const triesLeft = ESTIMATE_TRIES - attempt.estimateTries.length;
  const rubric = LEVEL_RUBRIC[attempt.level];
  // Figures changed since the last check: the table below shows the last check, not these.
  const last = attempt.estimateTries.at(-1)?.inputs ?? null;
  const changed = last !== null && JSON.stringify(last) !== JSON.stringify(e);
  const set = (inputs: EstimateInputs) => dispatch({ type: 'estimates', inputs });
  // The fields as typed: a figure that is not a number, not above zero or too large stays on screen with the problem named.
  const [texts, setTexts] = useState<Record<EstimateId, string>>(() => ({
    peakRps: textOf(e.peakRps),
    storage: textOf(e.storage.value),
    bandwidth: textOf(e.bandwidth.value),
  }));
  // Errors show once a field is left or the check is asked for (at once for a bad figure kept from before a reload).
  const [shown, setShown] = useState<Record<EstimateId, boolean>>(() => ({
    peakRps: estimateError(e.peakRps) !== null,
    storage: estimateError(e.storage.value) !== null,
    bandwidth: estimateError(e.bandwidth.value) !== null,
  }));
  const [refused, setRefused] = useState(false);
  const errors = Object.fromEntries(ESTIMATES.map((id) => [id, parseEstimate(texts[id]).error])) as Record<
    EstimateId,
    string | null
  >;
  const invalid = ESTIMATES.filter((id) => errors[id] !== null);
  const errorOf = (id: EstimateId) => (shown[id] ? errors[id] : null);
  const onText = (id: EstimateId, text: string) => {
    setTexts((t) => ({ ...t, [id]: text }));
    const { value } = parseEstimate(text);
    if (id === 'peakRps') set({ ...e, peakRps: value });
    else if (id === 'storage') set({ ...e, storage: { ...e.storage, value } });
    else set({ ...e, bandwidth: { ...e.bandwidth, value } });
  };
  const fieldId = (id: EstimateId) => `${base}-${id === 'peakRps' ? 'rps' : id}`;
  const fieldProps = (id: EstimateId) => ({
    id: fieldId(id),
    label: ESTIMATE_LABEL[id],
    text: texts[id],
    error: errorOf(id),
    disabled: locked,
    onText: (text: string) => onText(id, text),
    onBlur: () => setShown((s) => (s[id] ? s : { ...s, [id]: true })),
  });
  const check = () => {
    if (invalid.length > 0) {
      setShown({ peakRps: true, storage: true, bandwidth: true });
      setRefused(true);
      document.getElementById(fieldId(invalid[0]))?.focus();
      return;
    }
    setRefused(false);
    dispatch({ type: 'check-estimates', now: Date.now() });
  };
  const w = problemWorkload(problem);
  const results = checked
    ? judgeTries(attempt.estimateTries, e, w, { onTarget: rubric.onTargetFactor, close: rubric.closeFactor })
    : null;
  const filled = ESTIMATES.some((id) => texts[id].trim() !== '');
  // The model's figures and working stay hidden while a second try is left, so it is the candidate's own correction.
  const reveal = locked || (results?.every((r) => r.verdict === 'on-target') ?? false);
  const unitSelect = (label: string, value: string, options: string[], onChange: (v: string) => void) => (
    <select
      aria-label={label}
      value={value}
      disabled={locked}
      onChange={(ev) => onChange(ev.target.value)}
      className="rounded-md border border-slate-300 bg-white px-2 text-sm disabled:bg-slate-50"
    >
      {options.map((o) => (
        <option key={o} value={o}>
          {o}
        </option>
      ))}
    </select>
  );

  return (
    <div className="mx-auto grid w-full max-w-6xl gap-6 px-4 py-6 lg:grid-cols-[minmax(0,22rem)_minmax(0,1fr)]">
      <section aria-labelledby="facts-title" className={`${CARD} h-fit p-5`}>
        <h2 id="facts-title" className="text-lg font-semibold text-slate-900">
          The figures you have
        </h2>
        <div className="mt-3">
          <Facts problem={problem} />
        </div>
        {problem.storageNote ? (
          <p className="mt-4 rounded-md bg-slate-50 p-3 text-xs leading-relaxed text-slate-700 ring-1 ring-slate-200 ring-inset">
            {problem.storageNote}
          </p>
        ) : null}
        <p className="mt-4 text-xs leading-relaxed text-slate-600">
          Answers to the questions you asked count too. Units are decimal: 1 GB = 1,000 MB; 1 Gbit/s = 125 MB/s.
        </p>
      </section>

      <div className="space-y-6">
        <section aria-labelledby="estimates-title" className={`${CARD} p-5`}>
          <h2 id="estimates-title" className="text-lg font-semibold text-slate-900">
            Your estimates
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            At the {rubric.label.toLowerCase()} level, within {rubric.onTargetFactor}× of the model’s figure is on
            target; within {rubric.closeFactor}× is close. You may check twice: {RETRY_RULE.charAt(0).toLowerCase()}
            {RETRY_RULE.slice(1)}
          </p>
          <div className="mt-4 grid gap-4 md:grid-cols-3">
            <NumberField
              {...fieldProps('peakRps')}
              hint="All requests, at the busiest hour"
              unit={<span className="self-center text-sm text-slate-600">rps</span>}
            />
            <NumberField
              {...fieldProps('storage')}
              hint="New data stored in a year"
              unit={unitSelect('Storage unit', e.storage.unit, Object.keys(STORAGE_UNITS), (u) =>
                set({ ...e, storage: { ...e.storage, unit: u as StorageUnit } }),
              )}
            />
            <NumberField
              {...fieldProps('bandwidth')}
              hint="Response bytes at the busiest hour"
              unit={unitSelect('Bandwidth unit', e.bandwidth.unit, Object.keys(BANDWIDTH_UNITS), (u) =>
                set({ ...e, bandwidth: { ...e.bandwidth, unit: u as BandwidthUnit } }),
              )}
            />
          </div>
          {locked ? (
            <p className="mt-4 text-sm text-slate-600">Both tries used: your figures are locked.</p>
          ) : (
            <div className="mt-5 flex flex-wrap items-center gap-3">
              <button
                type="button"
                className={checked ? BTN_SECONDARY : BTN_PRIMARY}
                onClick={check}
                disabled={checked && !changed}
              >
                {checked ? 'Check my correction' : 'Check against the model'}
              </button>
              <span className="text-xs text-slate-600">
                {checked
                  ? changed
                    ? 'Your second and last try.'
                    : `Correct any figure above and check again (${triesLeft} try left), or go on to the design.`
                  : filled
                    ? `You have ${ESTIMATE_TRIES} tries; your figures lock after the second.`
                    : 'You can also skip this, but it costs points.'}
              </span>
              <p role="alert" className="w-full text-sm font-medium text-saturated empty:hidden">
                {refused && invalid.length > 0
                  ? `${invalid.length === 1 ? 'One figure' : `${invalid.length} figures`} cannot be checked: fix ${
                      invalid.length === 1 ? 'it' : 'them'
                    } or empty ${invalid.length === 1 ? 'it' : 'them'}, then check again.`
                  : ''}
              </p>
            </div>
          )}
        </section>

        {results ? (
          <section aria-labelledby="verdict-title" className={`${CARD} p-5`}>
            <h2 id="verdict-title" className="text-lg font-semibold text-slate-900">
              Beside the model
            </h2>
            <div className="mt-3 overflow-x-auto">
              <table className="w-full min-w-[36rem] text-left text-sm">
                <thead>
                  <tr className="border-b border-slate-200 text-xs text-slate-500 uppercase">
                    <th scope="col" className="py-2 pr-3 font-semibold">
                      Figure
                    </th>
                    <th scope="col" className="py-2 pr-3 font-semibold">
                      Yours
                    </th>
                    <th scope="col" className="py-2 pr-3 font-semibold">
                      Model
                    </th>
                    <th scope="col" className="py-2 font-semibold">
                      Verdict
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {results.map((r) => (
                    <tr key={r.id} className="border-b border-slate-100 align-top">
                      <th scope="row" className="py-2.5 pr-3 font-medium text-slate-900">
                        {r.label}
                      </th>
                      <td className="py-2.5 pr-3 font-mono text-slate-800">
                        {r.yours === null ? '—' : formatFigure(r.id, r.yours)}
                        {r.first ? (
                          <span className="block text-xs text-slate-500">
                            first try: {r.first.yours === null ? '—' : formatFigure(r.id, r.first.yours)} (
                            {VERDICT_LABEL[r.first.verdict].toLowerCase()})
                          </span>
                        ) : null}
                      </td>
                      <td className="py-2.5 pr-3 font-mono text-slate-800">
                        {reveal || r.verdict === 'on-target' ? (
                          formatFigure(r.id, r.model)
                        ) : (
                          <span className="font-sans text-xs text-slate-500">after your second check</span>
                        )}
                      </td>
                      <td className="py-2.5">
                        <Badge tone={VERDICT_TONE[r.verdict]}>{VERDICT_LABEL[r.verdict]}</Badge>
                        <span className="ml-2 text-xs text-slate-600">credit {formatPercent(r.credit)}</span>
                        {r.hint ? <p className="mt-1 text-xs text-slate-700">{r.hint}</p> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {changed && !locked ? (
              <p className="mt-3 text-xs text-slate-600">
                This table is your last check; your figures have changed since.
              </p>
            ) : null}
            {reveal ? (
              <details className="mt-4 text-sm" open={locked}>
                <summary className="cursor-pointer font-medium text-brand-700">
                  How the model works these out, from the figures you have
                </summary>
                <ul className="mt-2 space-y-1.5 font-mono text-xs leading-relaxed text-slate-700">
                  {results.map((r) => (
                    <li key={r.id}>{workingFor(r.id, w)}</li>
                  ))}
                </ul>
              </details>
            ) : (
              <div className="mt-4 flex flex-wrap items-center gap-3 text-sm">
                <span className="text-slate-700">The model’s figures and working show after your second check.</span>
                <button
                  type="button"
                  className={BTN_SECONDARY}
                  onClick={() => dispatch({ type: 'check-estimates', now: Date.now() })}
                  disabled={invalid.length > 0}
                >
                  Keep my figures and show the model’s
                </button>
              </div>
            )}
          </section>
        ) : null}

        <div className="flex justify-end gap-3">
          {checked ? null : (
            <button type="button" className={BTN_SECONDARY} onClick={onNext}>
              Skip to entities & API
            </button>
          )}
          <button type="button" className={BTN_PRIMARY} onClick={onNext} disabled={!checked}>
            Next: entities & API
            <Icon name="arrowRight" className="h-4 w-4" />
          </button>
        </div>
      </div>
    </div>
  );
}
