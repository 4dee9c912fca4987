'use client';

import { useMemo, useState } from 'react';
import type { SampleSummary } from '@/lib/classroom/scenarios/samples';
import { api } from './api';
import { useStoredItem } from '@/lib/browser/browser-state';
import { forgetScenario, parseSavedScenarios, SAVED_SCENARIOS_KEY, saveScenario } from './my-scenarios';

/** The built-in samples: open one as a student, or manage a copy with demo submissions. */
export function SampleCards({ samples }: { samples: SampleSummary[] }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const copy = async (s: SampleSummary) => {
    setBusy(s.slug);
    setError(null);
    const res = await api<{ slug: string; manageUrl: string }>(`/api/scenarios/${s.slug}/copy`, { method: 'POST', body: {} });
    if (res.ok) {
      saveScenario({ slug: res.data.slug, title: `Sample: ${s.title}`, manageUrl: res.data.manageUrl });
      window.location.assign(res.data.manageUrl);
    } else {
      setBusy(null);
      setError(res.error);
    }
  };
  return (
    <div>
      <ul className="grid gap-4 md:grid-cols-2">
        {samples.map((s) => (
          <li key={s.slug} className="flex flex-col rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
            <h3 className="font-semibold text-slate-900">{s.title}</h3>
            <p className="mt-1 flex-1 text-sm leading-relaxed text-slate-600">{s.summary}</p>
            <div className="mt-4 flex flex-wrap gap-2">
              <a href={`/s/${s.slug}`} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50">
                Try it as a student<span className="sr-only">: {s.title}</span>
              </a>
              <button
                type="button"
                onClick={() => void copy(s)}
                disabled={busy !== null}
                className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-brand-700 disabled:opacity-60"
              >
                {busy === s.slug ? 'Copying…' : 'Manage a copy'}
                <span className="sr-only">: {s.title}</span>
              </button>
            </div>
          </li>
        ))}
      </ul>
      {error ? (
        <p role="alert" className="mt-3 text-sm text-saturated">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function ScenarioList({ list }: { list: ReturnType<typeof parseSavedScenarios> }) {
  return (
    <ul className="mt-4 divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
      {list.map((s) => (
        <li key={s.slug} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
          <span className="min-w-0 break-words font-medium text-slate-900">{s.title}</span>
          <span className="flex gap-3 text-sm">
            <a href={s.manageUrl} className="font-medium text-brand-700 underline underline-offset-2">
              Dashboard<span className="sr-only"> for {s.title}</span>
            </a>
            <button
              type="button"
              className="text-slate-600 underline underline-offset-2 hover:text-slate-900"
              onClick={() => forgetScenario(s.slug)}
            >
              Forget<span className="sr-only"> {s.title}</span>
            </button>
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Dashboards this browser knows the manage links of, archived ones apart. Hidden when there are none. */
export function MyScenarios() {
  const raw = useStoredItem(SAVED_SCENARIOS_KEY);
  const list = useMemo(() => parseSavedScenarios(raw), [raw]);
  if (list.length === 0) return null;
  const active = list.filter((s) => !s.archived);
  const archived = list.filter((s) => s.archived);
  return (
    <section aria-labelledby="mine-heading" className="mt-12">
      <h2 id="mine-heading" className="text-xl font-semibold text-slate-900">
        Your scenarios
      </h2>
      <p className="mt-1 text-sm text-slate-600">Remembered in this browser only. Keep your manage links somewhere safe too.</p>
      {active.length > 0 ? <ScenarioList list={active} /> : <p className="mt-4 text-sm text-slate-600">None active: every one is archived.</p>}
      {archived.length > 0 ? (
        <details className="mt-4">
          <summary className="cursor-pointer text-sm font-medium text-slate-800">Archived ({archived.length})</summary>
          <ScenarioList list={archived} />
        </details>
      ) : null}
    </section>
  );
}
