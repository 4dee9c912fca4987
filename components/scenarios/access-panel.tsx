'use client';

import { useEffect, useId, useState } from 'react';
import { Dialog } from '@/components/editor/dialog';
import type { CoInstructorKeyView } from '@/lib/classroom/scenarios/access';
import { absoluteUrl, api } from './api';
import { CopyField } from './copy-field';
import { formatDateTime } from '@/lib/shared/format';
import { buttonClass } from '@/components/ui/button';

/**
 * Co-instructor keys: the owner gives a teaching assistant their own manage
 * link, named, listed with when it was made and last used, and revoked on
 * its own. A co-instructor sees who they are signed in as, and the list,
 * but cannot make or revoke keys.
 */


interface Keys {
  you: { role: 'owner' | 'co-instructor'; label: string | null };
  keys: CoInstructorKeyView[];
}

export function AccessPanel({ slug, manageKey }: { slug: string; manageKey: string }) {
  const labelId = useId();
  const [data, setData] = useState<Keys | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [label, setLabel] = useState('');
  const [labelError, setLabelError] = useState<string | null>(null);
  const [made, setMade] = useState<{ label: string; url: string } | null>(null);
  const [revoking, setRevoking] = useState<CoInstructorKeyView | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    void api<Keys>(`/api/scenarios/${slug}/manage/keys`, { manageKey }).then((res) => {
      if (cancelled) return;
      if (res.ok) setData(res.data);
      else setError(res.error);
    });
    return () => {
      cancelled = true;
    };
  }, [slug, manageKey, version]);

  const create = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!label.trim()) {
      setLabelError('Name whose key this is, such as “TA Priya”.');
      return;
    }
    setBusy(true);
    const res = await api<{ key: CoInstructorKeyView; manageUrl: string }>(`/api/scenarios/${slug}/manage/keys`, {
      body: { label: label.trim() },
      manageKey,
    });
    setBusy(false);
    if (res.ok) {
      setMade({ label: res.data.key.label, url: absoluteUrl(res.data.manageUrl) });
      setLabel('');
      setLabelError(null);
      setVersion((v) => v + 1);
    } else setLabelError(res.issues[0]?.message ?? res.error);
  };

  const revoke = async (key: CoInstructorKeyView) => {
    setBusy(true);
    const res = await api(`/api/scenarios/${slug}/manage/keys/${key.id}`, { method: 'DELETE', manageKey });
    setBusy(false);
    setRevoking(null);
    setNotice(res.ok ? `${key.label}’s key is revoked: their manage link stopped working.` : res.error);
    setVersion((v) => v + 1);
  };

  const owner = data?.you.role === 'owner';
  return (
    <section aria-labelledby="access-heading" className="space-y-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="access-heading" className="font-semibold text-slate-900">
        Co-instructors
      </h2>
      {data && !owner ? (
        <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700" data-testid="signed-in-as">
          You are signed in with the co-instructor key “{data.you.label}”. The owner makes and revokes keys.
        </p>
      ) : null}
      {notice ? (
        <p role="status" className="rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-700">
          {notice}
        </p>
      ) : null}
      {owner ? (
        <form onSubmit={(e) => void create(e)} noValidate className="flex flex-wrap items-end gap-2">
          <div className="min-w-0 flex-1">
            <label htmlFor={labelId} className="block text-sm font-medium text-slate-800">
              Give a teaching assistant their own manage link
            </label>
            <input
              id={labelId}
              value={label}
              onChange={(e) => {
                setLabel(e.target.value);
                setLabelError(null);
              }}
              maxLength={60}
              placeholder="TA Priya"
              aria-invalid={labelError ? true : undefined}
              aria-describedby={labelError ? `${labelId}-error` : undefined}
              className="mt-1 w-full rounded-md border border-slate-300 px-2.5 py-1.5 text-sm aria-[invalid]:border-saturated"
            />
          </div>
          <button type="submit" className={buttonClass('primary')} disabled={busy}>
            Create key
          </button>
          {labelError ? (
            <p id={`${labelId}-error`} role="alert" className="w-full text-sm text-saturated">
              {labelError}
            </p>
          ) : null}
        </form>
      ) : null}
      {made ? (
        <div className="rounded-lg border border-green-200 bg-green-50 p-3">
          <CopyField
            label={`${made.label}’s manage link`}
            value={made.url}
            secret
            hint="Shown only now. Send it to them privately; you can revoke it at any time."
          />
        </div>
      ) : null}
      {error && !data ? (
        <p role="alert" className="text-sm text-saturated">
          {error}
        </p>
      ) : !data ? (
        <p className="text-sm text-slate-600">Loading…</p>
      ) : data.keys.length === 0 ? (
        <p className="text-sm text-slate-600">No co-instructor keys. Only your manage link opens this dashboard.</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm" aria-label="Co-instructor keys">
          {data.keys.map((k) => (
            <li key={k.id} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid="key-row">
              <div className="min-w-0">
                <p className="break-words font-medium text-slate-900">
                  {k.label}
                  {k.revokedAt ? (
                    <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-700">revoked</span>
                  ) : null}
                </p>
                <p className="text-xs text-slate-600">
                  made {formatDateTime(k.createdAt)} · {k.lastUsedAt ? `last used ${formatDateTime(k.lastUsedAt)}` : 'never used'}
                  {k.revokedAt ? ` · revoked ${formatDateTime(k.revokedAt)}` : ''}
                </p>
              </div>
              {owner && !k.revokedAt ? (
                <button type="button" className={buttonClass('secondary', 'sm', 'text-saturated')} onClick={() => setRevoking(k)}>
                  Revoke<span className="sr-only"> {k.label}’s key</span>
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <Dialog
        open={revoking !== null}
        onClose={() => setRevoking(null)}
        title={revoking ? `Revoke ${revoking.label}’s key?` : 'Revoke'}
        footer={
          <>
            <button type="button" className={buttonClass('secondary')} onClick={() => setRevoking(null)}>
              Cancel
            </button>
            <button type="button" className={buttonClass('danger')} disabled={busy} onClick={() => revoking && void revoke(revoking)}>
              Revoke the key
            </button>
          </>
        }
      >
        <p className="text-sm text-slate-700">
          Their manage link stops working at once, on every server. Your own link and the students’ links do not change.
        </p>
      </Dialog>
    </section>
  );
}
