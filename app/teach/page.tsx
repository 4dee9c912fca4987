import type { Metadata } from 'next';
import { ScenarioForm } from '@/components/scenarios/scenario-form';
import { MyScenarios, SampleCards } from '@/components/scenarios/teach-extras';
import { ensureSampleScenarios, SAMPLE_RETENTION_HOURS } from '@/lib/classroom/scenarios/repository';
import { sampleSummaries } from '@/lib/classroom/scenarios/samples';

export const metadata: Metadata = {
  title: 'Teach',
  description: 'Share a scenario with a class: students design within your rules, and you see every design graded.',
};

export const dynamic = 'force-dynamic';

export default async function TeachPage() {
  await ensureSampleScenarios();
  return (
    <div className="mx-auto w-full max-w-5xl px-4 py-10 sm:py-14">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-600">Teach</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">Share a scenario with your class</h1>
      <p className="mt-4 max-w-2xl text-lg leading-relaxed text-slate-700">
        Write a brief, set the traffic and the service levels, choose the components students may use. They design on the canvas and submit;
        you see every design graded by the capacity model, side by side with your reference.
      </p>

      <section aria-labelledby="samples-heading" className="mt-12">
        <h2 id="samples-heading" className="text-xl font-semibold text-slate-900">
          Try a sample first
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Open one as a student, and manage a copy of it in another tab: you see both sides at once. A copy comes with a few graded demo submissions.
        </p>
        <p className="mt-1 text-sm text-slate-600">
          The samples are public, so nobody manages them: what you submit to one is shown to you alone (its leaderboard lists the demo students and you)
          and is deleted after {SAMPLE_RETENTION_HOURS} hours.
        </p>
        <div className="mt-4">
          <SampleCards samples={sampleSummaries()} />
        </div>
      </section>

      <MyScenarios />

      <section aria-labelledby="create-heading" className="mt-12">
        <h2 id="create-heading" className="text-xl font-semibold text-slate-900">
          Create a scenario
        </h2>
        <div className="mt-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
          <ScenarioForm />
        </div>
      </section>
    </div>
  );
}
