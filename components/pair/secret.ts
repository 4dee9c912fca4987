'use client';

import { useEffect } from 'react';
import { storeItem, useHashParam, useStoredItem } from '@/lib/browser/browser-state';
import type { Role } from '@/lib/classroom/pair/doc';

/** The part of a pair link after `#`: `key=` for the interviewer, `token=` for the candidate. */
const PARAM: Record<Role, string> = { interviewer: 'key', candidate: 'token' };
const storageKey = (id: string, role: Role) => `scalelab:pair:${id}:${role}`;

export function rememberSecret(id: string, role: Role, secret: string) {
  storeItem(storageKey(id, role), secret);
}

/**
 * The secret for this session and role: from the link's fragment (never
 * sent to the server with the page), else the one this browser kept;
 * undefined until the browser has been asked.
 */
export function usePairSecret(id: string, role: Role): string | null | undefined {
  const fromHash = useHashParam(PARAM[role]);
  const stored = useStoredItem(storageKey(id, role));
  useEffect(() => {
    if (fromHash && fromHash !== stored) rememberSecret(id, role, fromHash);
  }, [fromHash, stored, id, role]);
  if (fromHash === undefined || stored === undefined) return undefined;
  return fromHash ?? stored;
}
