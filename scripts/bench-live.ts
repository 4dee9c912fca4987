/**
 * The live-classroom case of `npm run bench:api`: a class of `students`
 * (200) with live view on, each sending its current draft once a second
 * (POST /api/scenarios/{slug}/draft, graded in the pool, stored, announced)
 * over a keep-alive connection of its own, while an instructor's dashboard
 * holds the live stream (server-sent events) open. The update delay is the
 * time from a student starting to send a draft to the dashboard receiving
 * that draft's event; the target is p99 ≤ 2 s. The server's resident memory
 * (RSS, from /proc) is sampled every 250 ms.
 *
 * `studentUrl` and `dashboardUrl` may be two instances on one PostgreSQL
 * database: the update then crosses from one to the other by NOTIFY.
 */
import fs from 'node:fs';
import http from 'node:http';
import { request } from './app-process';

export interface LiveResult {
  students: number;
  sent: number;
  received: number;
  /** Drafts refused (status: count), e.g. 429 or 503. */
  refused: Record<string, number>;
  p50: number;
  p99: number;
  max: number;
  /** Sends whose event never reached the dashboard. */
  lost: number;
  rssStartMb: number;
  rssMaxMb: number;
  rssEndMb: number;
}

function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
}

/** A design whose app tier has `n` instances: each student's next draft differs from the last. */
function draft(design: unknown, n: number): string {
  const d = structuredClone(design) as { nodes: { id: string; params?: Record<string, unknown> }[] };
  for (const node of d.nodes) if (node.id === 'app') node.params = { ...node.params, instances: n };
  return JSON.stringify({ design: d });
}

/** One POST over the student's own keep-alive connection. */
function post(url: string, body: string, token: string, agent: http.Agent): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-student-token': token } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export async function liveClassroom(options: {
  studentUrl: string;
  dashboardUrl: string;
  slug: string;
  manageKey: string;
  tokens: string[];
  design: unknown;
  durationS: number;
  /** Server processes whose RSS to sample. */
  pids: number[];
}): Promise<LiveResult> {
  const { studentUrl, dashboardUrl, slug, manageKey, tokens, design, durationS, pids } = options;
  const on = await request(`${studentUrl}/api/scenarios/${slug}/manage`, { method: 'PATCH', body: { liveView: true }, headers: { 'x-manage-key': manageKey } });
  if (on.status !== 200) throw new Error(`turning live view on answered ${on.status}`);

  const sentAt = new Map<string, number>(); // `${studentId}|${updatedAt}` → when the student started sending
  const seenAt = new Map<string, number>(); // the same key → when the dashboard got the event
  const delays: number[] = [];
  const match = (key: string) => {
    const s = sentAt.get(key);
    const r = seenAt.get(key);
    if (s !== undefined && r !== undefined) {
      delays.push(r - s);
      sentAt.delete(key);
      seenAt.delete(key);
    }
  };

  // The instructor's dashboard: one live stream, read as it arrives.
  const dashboard = new AbortController();
  const stream = await fetch(`${dashboardUrl}/api/scenarios/${slug}/manage/live/stream`, {
    headers: { 'x-manage-key': manageKey, accept: 'text/event-stream' },
    signal: dashboard.signal,
  });
  if (stream.status !== 200 || !stream.body) throw new Error(`the live stream answered ${stream.status}`);
  let received = 0;
  const reading = (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of stream.body as unknown as AsyncIterable<Uint8Array>) {
        const now = performance.timeOrigin + performance.now();
        buffer += decoder.decode(chunk, { stream: true });
        const frames = buffer.split('\n\n');
        buffer = frames.pop() ?? '';
        for (const f of frames) {
          const data = /^data: (.*)$/m.exec(f)?.[1];
          if (!data || !/^event: live$/m.test(f)) continue;
          const e = JSON.parse(data) as { type: string; data: { studentId: string; updatedAt: string } };
          if (e.type !== 'draft') continue;
          received++;
          const key = `${e.data.studentId}|${e.data.updatedAt}`;
          seenAt.set(key, now);
          match(key);
        }
      }
    } catch {
      /* aborted at the end */
    }
  })();

  // Students: each its own keep-alive connection, a draft a second, starting spread over the first second.
  const agents = tokens.map(() => new http.Agent({ keepAlive: true, maxSockets: 1 }));
  // Warm-up (not counted): one draft from each student opens the connections and starts the grading workers.
  for (let i = 0; i < tokens.length; i += 25) {
    await Promise.all(tokens.slice(i, i + 25).map((t, j) => post(`${studentUrl}/api/scenarios/${slug}/draft`, draft(design, 1), t, agents[i + j]).catch(() => null)));
  }
  await new Promise((r) => setTimeout(r, 1_000));
  received = 0;
  seenAt.clear();
  let sent = 0;
  const refused: Record<string, number> = {};
  const rss: number[] = [];
  const sample = setInterval(() => rss.push(pids.reduce((s, p) => s + rssMb(p), 0)), 250);
  const rssStart = pids.reduce((s, p) => s + rssMb(p), 0);
  const until = Date.now() + durationS * 1000;
  await Promise.all(
    tokens.map(async (token, i) => {
      await new Promise((r) => setTimeout(r, (i / tokens.length) * 1000));
      let n = 0;
      while (Date.now() < until) {
        const started = performance.timeOrigin + performance.now();
        const next = Date.now() + 1000;
        n++;
        try {
          const res = await post(`${studentUrl}/api/scenarios/${slug}/draft`, draft(design, 1 + (n % 5)), token, agents[i]);
          const body = JSON.parse(res.body) as { draft?: { studentId: string; updatedAt: string } };
          sent++;
          if (res.status === 200 && body.draft) {
            const key = `${body.draft.studentId}|${body.draft.updatedAt}`;
            sentAt.set(key, started);
            match(key);
          } else refused[res.status] = (refused[res.status] ?? 0) + 1;
        } catch {
          refused['no answer'] = (refused['no answer'] ?? 0) + 1;
        }
        const wait = next - Date.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      }
    }),
  );
  // Events still on their way get 3 s to arrive.
  const deadline = Date.now() + 3000;
  while (sentAt.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  clearInterval(sample);
  const rssEnd = pids.reduce((s, p) => s + rssMb(p), 0);
  dashboard.abort();
  await reading;
  for (const a of agents) a.destroy();
  delays.sort((a, b) => a - b);
  return {
    students: tokens.length,
    sent,
    received,
    refused,
    p50: percentile(delays, 50),
    p99: percentile(delays, 99),
    max: delays.at(-1) ?? NaN,
    lost: sentAt.size,
    rssStartMb: rssStart,
    rssMaxMb: Math.max(rssStart, ...rss.filter(Number.isFinite)),
    rssEndMb: rssEnd,
  };
}
