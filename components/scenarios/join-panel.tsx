'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { Dialog } from '@/components/editor/dialog';
import { MAX_DISPLAY_NAME_CHARS, type PublicScenario } from '@/lib/classroom/scenarios/schema';
import { replaceHash, storeItem, useHashParam } from '@/lib/browser/browser-state';
import { api } from './api';
import { formatDateTime } from '@/lib/shared/format';

/**
 * How a student becomes themselves on the scenario page: joining under a
 * name (unique in the scenario), or as a name on the class list with the
 * class code, or by the personal join link (`#join=…`) the instructor sent.
 * On a shared computer, "Not you?" signs this browser out of the student
 * (their work stays on the server) so the next person can join or resume.
 */

export const tokenKey = (slug: string) => `scalelab:scenario:${slug}:token`;
const draftKey = (slug: string) => `scalelab:scenario:${slug}:draft`;

/** Forgets this browser's student (and their unsubmitted draft), then starts the page afresh. */
function signOut(slug: string, next: string | null = null) {
  try {
    localStorage.removeItem(draftKey(slug));
  } catch {
    /* storage blocked: nothing was kept */
  }
  storeItem(tokenKey(slug), next);
  // A fresh page: nothing of the previous student stays in memory (canvas, results, history).
  window.location.replace(window.location.pathname + window.location.search);
}

/**
 * Signs in with a personal join link (`#join=…`): the link's token is sent
 * once, the answer's resume token kept, and the fragment removed. When
 * another student was signed in on this browser, the page starts afresh as
 * the link's student.
 */
export function useJoinLink(
  slug: string,
  currentToken: string | null | undefined,
  /** The signed-in student's name once known (undefined while loading). */
  currentName: string | undefined,
): { busy: boolean; error: string | null } {
  const joinToken = useHashParam('join');
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const sent = useRef<string | null>(null);
  useEffect(() => {
    // Wait until it is known who (if anyone) is signed in on this browser.
    if (!joinToken || currentToken === undefined || (currentToken && currentName === undefined) || sent.current === joinToken) return;
    sent.current = joinToken;
    setState({ busy: true, error: null });
    void api<{ resumeToken: string; displayName: string }>(`/api/scenarios/${slug}/join-link`, { body: { token: joinToken } }).then((res) => {
      replaceHash(null);
      if (!res.ok) {
        setState({
          busy: false,
          error:
            res.status === 404
              ? 'This personal join link does not work (it may have been replaced). Ask your instructor for your current link, or join below.'
              : res.error,
        });
        return;
      }
      // Another student was signed in here: start afresh as this one. The same student (their link
      // opened again) keeps the canvas; the new resume token replaces the old one.
      if (currentToken && currentName !== res.data.displayName) signOut(slug, res.data.resumeToken);
      else storeItem(tokenKey(slug), res.data.resumeToken);
      setState({ busy: false, error: null });
    });
  }, [joinToken, currentToken, currentName, slug]);
  return state;
}

/** "Not you?" beside the student's name: signs this browser out after saying what happens to whose work. */
export function NotYou({ slug, name }: { slug: string; name: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="ml-2 rounded text-sm font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800"
      >
        Not you?
      </button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={`Not ${name}?`}
        footer={
          <>
            <button
              type="button"
              className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50"
              onClick={() => setOpen(false)}
            >
              Cancel, I am {name}
            </button>
            <button
              type="button"
              className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-brand-700"
              onClick={() => signOut(slug)}
            >
              Sign {name} out of this browser
            </button>
          </>
        }
      >
        <div className="space-y-2 text-sm text-slate-700">
          <p>
            This browser is signed in as <strong>{name}</strong>, perhaps by someone who used this computer before you.
          </p>
          <p>
            Signing out keeps everything {name} submitted safe on the server; they continue with their personal link or
            resume link. A design on this canvas that was not submitted is cleared from this browser.
          </p>
          <p>Then join with your own name, class code or personal link.</p>
        </div>
      </Dialog>
    </>
  );
}

/** The join form: a name, and the class code when the instructor uses one. */
export function JoinPanel({
  scenario,
  onJoined,
  notice,
}: {
  scenario: PublicScenario;
  onJoined(token: string): void;
  notice: string | null;
}) {
  const id = useId();
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<{ field: 'name' | 'code'; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const codeOn = scenario.classCodeOn;
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setError({ field: 'name', message: codeOn ? 'Enter your name or email as your instructor listed it.' : 'Enter the name your instructor will see.' });
      return;
    }
    if (codeOn && scenario.rosterOnly && !code.trim()) {
      setError({ field: 'code', message: 'Enter the class code your instructor gave you.' });
      return;
    }
    setBusy(true);
    const res = await api<{ resumeToken: string }>(`/api/scenarios/${scenario.slug}/students`, {
      body: { displayName: trimmed, ...(code.trim() ? { classCode: code.trim() } : {}) },
    });
    setBusy(false);
    if (res.ok) onJoined(res.data.resumeToken);
    else {
      const message = res.issues[0]?.message.replace(/^displayName/, 'The name') ?? res.error;
      setError({ field: /class code/i.test(message) && !/class list/.test(message) ? 'code' : 'name', message });
    }
  };
  const field = 'mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-slate-900 aria-[invalid]:border-saturated';
  if (scenario.archived) {
    return (
      <div className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 className="text-lg font-semibold text-slate-900">This scenario is archived</h2>
        <p className="mt-1 text-sm text-slate-600">
          The instructor has archived it: it is read-only, and nobody can join it. Students who already joined can still open their work with their personal link.
        </p>
      </div>
    );
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <h2 className="text-lg font-semibold text-slate-900">Start this scenario</h2>
      {notice ? <p className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{notice}</p> : null}
      <p className="mt-1 text-sm text-slate-600">
        {codeOn
          ? 'Got a personal link from your instructor? Open it instead. Otherwise enter the class code and your name as on the class list.'
          : 'Your instructor sees this name next to your work. Other students never see your designs.'}
      </p>
      <label htmlFor={`${id}-name`} className="mt-4 block text-sm font-medium text-slate-800">
        {codeOn ? 'Your name or email' : 'Display name'}
      </label>
      <input
        id={`${id}-name`}
        value={name}
        onChange={(e) => {
          setName(e.target.value);
          setError(null);
        }}
        maxLength={MAX_DISPLAY_NAME_CHARS}
        autoComplete="name"
        aria-invalid={error?.field === 'name' ? true : undefined}
        aria-describedby={error?.field === 'name' ? `${id}-error` : undefined}
        className={field}
      />
      {codeOn ? (
        <>
          <label htmlFor={`${id}-code`} className="mt-3 block text-sm font-medium text-slate-800">
            Class code {scenario.rosterOnly ? null : <span className="font-normal text-slate-500">(if your name is on the class list)</span>}
          </label>
          <input
            id={`${id}-code`}
            value={code}
            onChange={(e) => {
              setCode(e.target.value);
              setError(null);
            }}
            maxLength={20}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            placeholder="ABCD-EF23"
            aria-invalid={error?.field === 'code' ? true : undefined}
            aria-describedby={error?.field === 'code' ? `${id}-error` : undefined}
            className={`${field} font-mono uppercase tracking-wider`}
          />
        </>
      ) : null}
      {error ? (
        <p id={`${id}-error`} role="alert" className="mt-2 text-sm text-saturated">
          {error.message}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={busy}
        className="mt-4 w-full rounded-md bg-brand-600 px-4 py-2 font-medium text-white shadow-sm hover:bg-brand-700 disabled:opacity-60 sm:w-auto"
      >
        {busy ? 'Starting…' : 'Start designing'}
      </button>
    </form>
  );
}

/** What a student should know about their own deadline: an extension, or that work now counts as late. */
export function DeadlineNote({ scenario }: { scenario: PublicScenario & { extended?: boolean; lateNow?: boolean } }) {
  if (scenario.lateNow) {
    return (
      <p role="status" className="border-b border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900">
        Your deadline has passed. You can still submit, but your instructor sees the submission marked late.
      </p>
    );
  }
  if (scenario.extended && scenario.deadline) {
    return (
      <p className="mt-1 text-xs text-slate-600">
        Your instructor extended your deadline to{' '}
        {formatDateTime(scenario.deadline)}.
      </p>
    );
  }
  return null;
}
