import * as Y from 'yjs';
import { fromBase64, toBase64, type Role } from './doc';

/** Edits made within this long go to the server as one update. */
export const FLUSH_MS = 200;

/** The header carrying a role's secret. */
export function authHeader(role: Role, secret: string): Record<string, string> {
  return role === 'interviewer' ? { 'x-pair-key': secret } : { 'x-pair-token': secret };
}

async function errorOf(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { error?: string };
    return body.error ?? `The server answered ${res.status}.`;
  } catch {
    return `The server answered ${res.status}.`;
  }
}

/** Where edits not yet taken by the server are kept, so a reload resends them. */
export interface PendingStore {
  get(): Uint8Array | null;
  set(update: Uint8Array | null): void;
}

export function sessionPendingStore(id: string, role: Role): PendingStore {
  const key = `scalelab:pair:${id}:${role}:pending`;
  return {
    get() {
      try {
        const text = sessionStorage.getItem(key);
        return text ? fromBase64(text) : null;
      } catch {
        return null;
      }
    },
    set(update) {
      try {
        if (update) sessionStorage.setItem(key, toBase64(update));
        else sessionStorage.removeItem(key);
      } catch {
        /* storage full or blocked: the edits still go out while the page is open */
      }
    },
  };
}

export interface PairSnapshot {
  doc: Y.Doc | null;
  status: 'loading' | 'ready' | 'error';
  error: string | null;
  syncError: string | null;
  streamKey: string | null;
  interviewerNotes: string | null;
  unsent: number;
  remoteDesign: number;
  version: number;
}

interface StateBody {
  role: Role;
  state: string;
  streamKey: string;
  interviewerNotes?: string;
}

/**
 * One browser's side of a pair interview, outside React: loads the
 * session's merged state with the role's secret and keeps the Yjs document
 * in step with the server. Local edits are sent in batches, one request in
 * flight at a time (so each builds on the last); what the other side does
 * arrives through `applyRemote` (the live channel). An edit the server
 * refuses is dropped and the document rebuilt from the server's state,
 * with the server's sentence in `syncError`.
 */
export class PairClient {
  doc: Y.Doc | null = null;
  status: 'loading' | 'ready' | 'error' = 'loading';
  error: string | null = null;
  syncError: string | null = null;
  streamKey: string | null = null;
  interviewerNotes: string | null = null;
  /** Batches waiting to be sent (0 when the server has everything). */
  unsent = 0;
  /** Moves when a change from elsewhere touches the design, so an open canvas can take it up. */
  remoteDesign = 0;
  /** Moves with every change, for React's external store. */
  version = 0;

  private listeners = new Set<() => void>();
  private queue: Uint8Array[] = [];
  private inFlight = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private started = false;

  constructor(
    readonly id: string,
    readonly role: Role,
    readonly secret: string | null,
    private readonly pending: PendingStore = sessionPendingStore(id, role),
    private readonly fetcher: typeof fetch = (...args) => fetch(...args),
  ) {}

  /** What the page shows, a new object after every change (React's external store). */
  snapshot: PairSnapshot = this.makeSnapshot();

  private makeSnapshot(): PairSnapshot {
    return {
      doc: this.doc,
      status: this.status,
      error: this.error,
      syncError: this.syncError,
      streamKey: this.streamKey,
      interviewerNotes: this.interviewerNotes,
      unsent: this.unsent,
      remoteDesign: this.remoteDesign,
      version: this.version,
    };
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };
  getSnapshot = () => this.snapshot;

  private emit() {
    this.version++;
    this.snapshot = this.makeSnapshot();
    for (const l of this.listeners) l();
  }

  private async fetchState(): Promise<StateBody> {
    if (!this.secret) throw new Error('This link is incomplete: the part after # is missing. Open the whole link you were given.');
    const res = await this.fetcher(`/api/pair/${encodeURIComponent(this.id)}`, {
      headers: authHeader(this.role, this.secret),
      cache: 'no-store',
    });
    if (res.status === 404) throw new Error('This pair interview was not found. Check that the link is complete and current.');
    if (!res.ok) throw new Error(await errorOf(res));
    return (await res.json()) as StateBody;
  }

  private attach(doc: Y.Doc) {
    this.doc = doc;
    doc.on('update', (u: Uint8Array, origin: unknown) => {
      if (doc !== this.doc) return;
      if (origin !== 'remote') {
        this.queue.push(u);
        this.pending.set(Y.mergeUpdates(this.queue));
        this.unsent = this.queue.length;
        this.schedule(FLUSH_MS);
      }
      this.emit();
    });
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.origin !== 'remote' || doc !== this.doc) return;
      const design = doc.share.get('design');
      for (const type of tr.changed.keys()) {
        let t = type;
        while (t._item !== null && t._item.parent instanceof Y.AbstractType) t = t._item.parent;
        if (t === design) {
          this.remoteDesign++;
          return;
        }
      }
    });
  }

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    try {
      const body = await this.fetchState();
      const doc = new Y.Doc();
      Y.applyUpdate(doc, fromBase64(body.state), 'remote');
      this.streamKey = body.streamKey;
      this.interviewerNotes = body.interviewerNotes ?? null;
      this.attach(doc);
      this.status = 'ready';
      // Edits this browser made before a reload that the server had not taken yet: applied and sent again.
      const saved = this.pending.get();
      if (saved) Y.applyUpdate(doc, saved, 'restore');
      this.emit();
    } catch (e) {
      this.status = 'error';
      this.error = e instanceof Error ? e.message : String(e);
      this.emit();
    }
  }

  stop() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** An update from the other side (or this side's own, echoed: applying it again changes nothing). */
  applyRemote(update: Uint8Array) {
    if (this.doc) Y.applyUpdate(this.doc, update, 'remote');
  }

  private schedule(ms: number) {
    if (this.timer === null) this.timer = setTimeout(() => void this.flush(), ms);
  }

  /** Sends what is queued now (tests call it; the browser waits FLUSH_MS for more edits first). */
  async flush(): Promise<void> {
    this.timer = null;
    const doc = this.doc;
    if (this.inFlight || this.queue.length === 0 || !doc || !this.secret) return;
    this.inFlight = true;
    const update = Y.mergeUpdates(this.queue);
    this.queue = [];
    let retryIn = 0;
    try {
      const res = await this.fetcher(`/api/pair/${encodeURIComponent(this.id)}/updates`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...authHeader(this.role, this.secret) },
        body: JSON.stringify({ update: toBase64(update) }),
      });
      if (res.ok) {
        this.syncError = null;
      } else if (res.status === 429 || res.status === 503) {
        this.queue.unshift(update);
        retryIn = Math.max(1, Number(res.headers.get('retry-after')) || 1) * 1000;
        this.syncError = await errorOf(res);
      } else if (res.status === 409) {
        // The server lacks something this edit builds on: catch up, then send all it lacks.
        const body = await this.fetchState();
        const server = new Y.Doc();
        Y.applyUpdate(server, fromBase64(body.state));
        Y.applyUpdate(doc, fromBase64(body.state), 'remote');
        this.queue.unshift(Y.encodeStateAsUpdate(doc, Y.encodeStateVector(server)));
        retryIn = FLUSH_MS;
      } else {
        // Refused (not this role's to change, invalid, too large): the server's state stands.
        this.syncError = await errorOf(res);
        const body = await this.fetchState();
        const fresh = new Y.Doc();
        Y.applyUpdate(fresh, fromBase64(body.state), 'remote');
        this.queue = [];
        this.attach(fresh);
        this.remoteDesign++;
      }
    } catch {
      // Offline, or the server is restarting: keep the edits and try again.
      this.queue.unshift(update);
      retryIn = 2000;
      this.syncError = 'Not connected: your changes are kept and will be sent when the connection is back.';
    } finally {
      this.inFlight = false;
      this.pending.set(this.queue.length > 0 ? Y.mergeUpdates(this.queue) : null);
      this.unsent = this.queue.length;
      if (this.queue.length > 0) this.schedule(retryIn || FLUSH_MS);
      this.emit();
    }
  }
}
