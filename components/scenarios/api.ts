/**
 * Browser-side calls to the scenario API. Secrets travel in headers, never
 * in URLs, so they stay out of server logs and history.
 */
import type { FieldIssue } from '@/lib/classroom/scenarios/schema';

export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; status: number; error: string; issues: FieldIssue[] };

export async function api<T>(
  path: string,
  options: { method?: string; body?: unknown; manageKey?: string | null; studentToken?: string | null; headers?: Record<string, string> } = {},
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.manageKey) headers['x-manage-key'] = options.manageKey;
  if (options.studentToken) headers['x-student-token'] = options.studentToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
    });
  } catch {
    return { ok: false, status: 0, error: 'The server could not be reached. Check your connection and try again.', issues: [] };
  }
  const text = await res.text();
  let body: unknown = null;
  let readable = true;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    readable = false;
  }
  // A success whose body cannot be read (a proxy's page, a cut-off answer) is no success: callers read fields of `data`.
  if (res.ok && !readable) {
    return { ok: false, status: res.status, error: 'The server’s answer could not be read, so it is not known whether this worked. Try again.', issues: [] };
  }
  if (res.ok) return { ok: true, status: res.status, data: body as T };
  const b = (body ?? {}) as { error?: string; issues?: FieldIssue[] };
  return {
    ok: false,
    status: res.status,
    error: b.error?.split('\n')[0] ?? `The server answered ${res.status}.`,
    issues: Array.isArray(b.issues) ? b.issues : [],
  };
}

export function absoluteUrl(path: string): string {
  return typeof window === 'undefined' ? path : new URL(path, window.location.origin).toString();
}
