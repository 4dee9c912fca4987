/** Saves a design through `POST /api/designs` and returns its share link. */
import type { DesignIssue } from '@/lib/design/schema';
import type { Design } from '@/lib/engine/data';

export type ShareResult = { ok: true; id: string; path: string } | { ok: false; message: string; issues: DesignIssue[] };

export async function shareDesign(design: Design, fetchImpl: typeof fetch = fetch): Promise<ShareResult> {
  let res: Response;
  try {
    res = await fetchImpl('/api/designs', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(design),
    });
  } catch {
    return { ok: false, message: 'Could not reach the server. Check your connection and try again.', issues: [] };
  }
  const body = (await res.json().catch(() => null)) as { id?: string; url?: string; error?: string; issues?: DesignIssue[]; limitComponents?: number } | null;
  if (res.status === 201 && body?.id) return { ok: true, id: body.id, path: body.url ?? `/d/${body.id}` };
  if (res.ok) return { ok: false, message: 'The server’s answer could not be read, so there is no link to show. Try again.', issues: [] };
  // The server's sentence names the limit (64 KB, 200 components, how long to wait).
  if (res.status === 413) return { ok: false, message: body?.error ?? 'The design is too large to share.', issues: [] };
  if (res.status === 422 && body?.limitComponents) return { ok: false, message: body.error ?? 'The design has too many components to share.', issues: [] };
  if (res.status === 422) return { ok: false, message: 'The server refused the design as invalid:', issues: body?.issues ?? [] };
  return { ok: false, message: body?.error ?? `Sharing failed (HTTP ${res.status}).`, issues: [] };
}
