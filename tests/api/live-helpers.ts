/**
 * Reading a server-sent event stream in tests: from a Response's body (a
 * route handler called directly) or from a real server over HTTP.
 */
export interface SseFrame {
  id?: string;
  event?: string;
  data?: string;
  retry?: string;
  /** A comment line (": heartbeat"). */
  comment?: string;
}

/** Parses frames out of text; returns the frames and what is left over (an incomplete frame). */
export function parseFrames(text: string): { frames: SseFrame[]; rest: string } {
  const frames: SseFrame[] = [];
  const parts = text.split('\n\n');
  const rest = parts.pop() ?? '';
  for (const part of parts) {
    const f: SseFrame = {};
    for (const line of part.split('\n')) {
      if (line.startsWith(':')) f.comment = line.slice(1).trim();
      else {
        const i = line.indexOf(':');
        const field = i < 0 ? line : line.slice(0, i);
        const value = i < 0 ? '' : line.slice(i + 1).replace(/^ /, '');
        if (field === 'data') f.data = f.data === undefined ? value : `${f.data}\n${value}`;
        else if (field === 'id' || field === 'event' || field === 'retry') f[field] = value;
      }
    }
    frames.push(f);
  }
  return { frames, rest };
}

/** Reads frames from a stream as they come; `next(n, ms)` waits for n more (or fails after ms). */
export function sseReader(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const queue: SseFrame[] = [];
  let ended = false;
  let pending: Promise<void> | null = null;

  const pump = (): Promise<void> => {
    pending ??= reader.read().then(({ done, value }) => {
      pending = null;
      if (done) {
        ended = true;
        return;
      }
      buffer += decoder.decode(value, { stream: true });
      const { frames, rest } = parseFrames(buffer);
      buffer = rest;
      queue.push(...frames);
    });
    return pending;
  };

  return {
    /** The next `n` frames, skipping heartbeats unless `comments`; rejects after `ms`. */
    async next(n: number, ms = 5_000, { comments = false } = {}): Promise<SseFrame[]> {
      const deadline = Date.now() + ms;
      const out: SseFrame[] = [];
      while (out.length < n) {
        while (queue.length > 0 && out.length < n) {
          const f = queue.shift()!;
          if (!comments && f.comment !== undefined && f.data === undefined && f.id === undefined) continue;
          out.push(f);
        }
        if (out.length >= n) break;
        if (ended) throw new Error(`the stream ended after ${out.length} of ${n} frames`);
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`timed out after ${ms} ms with ${out.length} of ${n} frames: ${JSON.stringify(out)}`);
        await Promise.race([pump(), new Promise((r) => setTimeout(r, left))]);
      }
      return out;
    },
    /** Whether the stream ends within `ms`. */
    async endsWithin(ms: number): Promise<boolean> {
      const deadline = Date.now() + ms;
      while (!ended && Date.now() < deadline) {
        await Promise.race([pump(), new Promise((r) => setTimeout(r, Math.max(1, deadline - Date.now())))]);
      }
      return ended;
    },
    cancel: () => reader.cancel().catch(() => {}),
  };
}

/** The LiveEvent in a frame's data. */
export function eventOf(f: SseFrame): { id: string; topic: string; type: string; data: unknown; at: string } {
  return JSON.parse(f.data ?? 'null');
}
