'use client';

import { useCallback, useState, useSyncExternalStore } from 'react';

/*
 * Browser-only values (the URL fragment, localStorage) read as external
 * stores: `undefined` while rendering on the server and hydrating, then the
 * value, kept current when it changes here or in another tab.
 */
const STORAGE_EVENT = 'scalelab:storage';

function subscribeStorage(onChange: () => void): () => void {
  window.addEventListener('storage', onChange);
  window.addEventListener(STORAGE_EVENT, onChange);
  return () => {
    window.removeEventListener('storage', onChange);
    window.removeEventListener(STORAGE_EVENT, onChange);
  };
}

function subscribeHash(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** A localStorage item, or null when there is none or storage is blocked. */
export function readStorage(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function useStoredItem(key: string): string | null | undefined {
  return useSyncExternalStore(
    subscribeStorage,
    () => readStorage(key),
    () => undefined,
  );
}

/** Writes (or, with null, removes) a localStorage item and tells every `useStoredItem`. */
export function storeItem(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    /* storage blocked: the value lives only as long as the page */
  }
  window.dispatchEvent(new Event(STORAGE_EVENT));
}

/**
 * A value kept in localStorage under `key`, as `[value, set]`: `parse` turns
 * the stored text (null when there is none, on the server and while
 * hydrating) into the value; `set` changes it at once and stores
 * `serialize(value)` (null removes the item). Where storage is blocked the
 * value still changes, for as long as the page lives.
 */
export function useStoredValue<T>(
  key: string,
  parse: (text: string | null) => T,
  serialize: (value: T) => string | null,
): [T, (value: T) => void] {
  const stored = useStoredItem(key);
  // What this page set last, under which key: it wins over a store that could not keep it.
  const [local, setLocal] = useState<{ key: string; value: T } | null>(null);
  const value = local?.key === key ? local.value : parse(stored ?? null);
  const set = useCallback(
    (next: T) => {
      setLocal({ key, value: next });
      storeItem(key, serialize(next));
    },
    [key, serialize],
  );
  return [value, set];
}

export function hashParam(name: string): string | null {
  return new URLSearchParams(window.location.hash.replace(/^#/, '')).get(name);
}

export function useHashParam(name: string): string | null | undefined {
  return useSyncExternalStore(
    subscribeHash,
    () => hashParam(name),
    () => undefined,
  );
}

/** Replaces the URL fragment without a navigation (or drops it, with null) and tells every `useHashParam`. */
export function replaceHash(fragment: string | null): void {
  history.replaceState(null, '', `${window.location.pathname}${window.location.search}${fragment ? `#${fragment}` : ''}`);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}
