'use client';

import Link from 'next/link';
import { useState } from 'react';
import { CopyField } from '@/components/scenarios/copy-field';
import type { Level } from '@/lib/interview/levels';
import { BTN_SECONDARY } from '@/components/interview/ui';
import { rememberSecret } from './secret';

interface Started {
  id: string;
  interviewerUrl: string;
  candidateUrl: string;
  interviewerKey: string;
}

/**
 * On the setup page: start a pair interview on this problem, at the level
 * and length chosen above, and get the two links (each shown once).
 */
export function StartPair({ problemId, level, minutes }: { problemId: string; level: Level; minutes: number }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [started, setStarted] = useState<Started | null>(null);
  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const res = await fetch('/api/pair', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ problemId, level, minutes }),
      });
      const body = (await res.json()) as Started & { error?: string };
      if (!res.ok) throw new Error(body.error ?? `The server answered ${res.status}.`);
      rememberSecret(body.id, 'interviewer', body.interviewerKey);
      setStarted(body);
    } catch (e) {
      setError(e instanceof Error ? e.message : 'The pair interview could not be started.');
    } finally {
      setBusy(false);
    }
  };
  const origin = typeof window === 'undefined' ? '' : window.location.origin;
  return (
    <section aria-labelledby="pair-start" className="border-t border-slate-200 pt-5">
      <h2 id="pair-start" className="text-sm font-semibold text-slate-900">
        Interview someone
      </h2>
      <p className="mt-1 text-sm leading-relaxed text-slate-600">
        A pair interview: the candidate works in their browser, you watch the canvas and answers live, throw the
        curveballs when you choose and score the rubric. Both of you see the model&apos;s numbers.
      </p>
      {started ? (
        <div className="mt-3 space-y-3">
          <CopyField
            label="Candidate's link"
            value={`${origin}${started.candidateUrl}`}
            hint="Send this to the candidate. It lets them work on this interview only."
          />
          <CopyField
            label="Your interviewer link"
            value={`${origin}${started.interviewerUrl}`}
            secret
            hint="Keep this to yourself: it delivers curveballs and scores. It is shown only now."
          />
          <Link href={started.interviewerUrl} className={`${BTN_SECONDARY} w-full`}>
            Open the interviewer&apos;s view
          </Link>
        </div>
      ) : (
        <button type="button" className={`${BTN_SECONDARY} mt-3 w-full`} onClick={() => void start()} disabled={busy}>
          {busy ? 'Starting…' : 'Start a pair interview'}
        </button>
      )}
      {error ? (
        <p role="alert" className="mt-2 text-sm text-saturated">
          {error}
        </p>
      ) : null}
    </section>
  );
}
