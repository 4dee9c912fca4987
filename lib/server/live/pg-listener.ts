import 'server-only';
import pg from 'pg';
import type { Listener } from './hub';

/**
 * One dedicated PostgreSQL connection per process that LISTENs on the live
 * channel. Notifications name a topic; the hub wakes that topic's streams.
 * When the connection fails or ends it is replaced (after 0.25 s, doubling
 * to at most 5 s while it keeps failing) and, once listening again, every
 * topic is woken: notifications sent while it was down are lost, the rows
 * are not.
 */
export function pgListener(connectionString: string, channel: string): Listener & { pid(): number | null } {
  let client: pg.Client | null = null;
  let stopped = false;
  let delay = 250;
  let retry: NodeJS.Timeout | null = null;
  let backendPid: number | null = null;
  let onTopic: (topic: string) => void = () => {};
  let onGap: () => void = () => {};

  const schedule = () => {
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = null;
      void connect();
    }, delay);
    retry.unref();
    delay = Math.min(delay * 2, 5_000);
  };

  async function connect(): Promise<void> {
    if (stopped) return;
    const c = new pg.Client({ connectionString, keepAlive: true, application_name: 'scalelab-live-listener' });
    client = c;
    let failed = false;
    const fail = (e?: unknown) => {
      if (failed) return;
      failed = true;
      backendPid = null;
      if (!stopped && e) console.warn('[live] the listening connection to PostgreSQL failed; reconnecting:', e instanceof Error ? e.message : e);
      c.removeAllListeners('notification');
      c.end().catch(() => {});
      if (client === c) client = null;
      schedule();
    };
    c.on('error', fail);
    c.on('end', () => fail(stopped ? undefined : new Error('connection ended')));
    c.on('notification', (m) => {
      if (m.channel === channel && m.payload) onTopic(m.payload);
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${channel}`);
      backendPid = (c as unknown as { processID?: number }).processID ?? null;
      delay = 250;
      onGap();
    } catch (e) {
      fail(e);
    }
  }

  return {
    start(topicCallback, gapCallback) {
      onTopic = topicCallback;
      onGap = gapCallback;
      stopped = false;
      void connect();
    },
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      retry = null;
      const c = client;
      client = null;
      backendPid = null;
      await c?.end().catch(() => {});
    },
    pid: () => backendPid,
  };
}
