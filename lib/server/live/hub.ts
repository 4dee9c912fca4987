import 'server-only';

/**
 * This process's waiters on live topics (lib/server/live/channel.ts): who is
 * streaming which topic, and how they are woken. Waking is only a hint that
 * rows may be there; every stream reads the rows itself, so a wake-up too
 * many costs one query and a wake-up missed is covered by the poll.
 *
 * Woken by: publishes in this process; PostgreSQL notifications, on one
 * dedicated listening connection per process (reconnected after an error,
 * then every topic is woken, since notifications sent meanwhile are lost);
 * and a backstop poll of the newest id of each topic streamed here.
 */
export interface Subscription {
  /** Changes whenever the topic is woken. */
  generation(): number;
  /** Resolves true once the topic is woken after `generation` (at once if it already was), false after `timeoutMs`, or when closed. */
  wait(generation: number, timeoutMs: number): Promise<boolean>;
  close(): void;
}

export interface Listener {
  /** Starts listening; calls `onTopic` for each notification and `onGap` after any (re)connection. */
  start(onTopic: (topic: string) => void, onGap: () => void): void;
  stop(): Promise<void>;
}

export interface HubOptions {
  /** The newest event id of each topic that has one. */
  poll(topics: string[]): Promise<Map<string, string>>;
  pollMs: number;
  listener?: Listener;
}

interface TopicState {
  generation: number;
  subscribers: number;
  waiters: Set<() => void>;
  newest: string | undefined;
}

export class Hub {
  private topics = new Map<string, TopicState>();
  private timer: NodeJS.Timeout | null = null;
  private polling = false;
  private listening = false;

  constructor(private readonly options: HubOptions) {}

  /** Topics streamed in this process now (for tests and the poll). */
  activeTopics(): string[] {
    return [...this.topics.keys()];
  }

  wake(topic: string): void {
    const state = this.topics.get(topic);
    if (!state) return;
    state.generation++;
    const waiters = [...state.waiters];
    state.waiters.clear();
    for (const w of waiters) w();
  }

  wakeAll(): void {
    for (const topic of this.topics.keys()) this.wake(topic);
  }

  subscribe(topic: string): Subscription {
    let state = this.topics.get(topic);
    if (!state) {
      state = { generation: 0, subscribers: 0, waiters: new Set(), newest: undefined };
      this.topics.set(topic, state);
    }
    state.subscribers++;
    this.startBackground();
    const s = state;
    let closed = false;
    const mine = new Set<() => void>();
    return {
      generation: () => s.generation,
      wait: (generation, timeoutMs) =>
        new Promise<boolean>((resolve) => {
          if (closed) return resolve(false);
          if (s.generation !== generation) return resolve(true);
          const done = (woke: boolean) => {
            clearTimeout(timer);
            s.waiters.delete(onWake);
            mine.delete(onClose);
            resolve(woke);
          };
          const onWake = () => done(true);
          const onClose = () => done(false);
          const timer = setTimeout(() => done(false), timeoutMs);
          s.waiters.add(onWake);
          mine.add(onClose);
        }),
      close: () => {
        if (closed) return;
        closed = true;
        for (const c of [...mine]) c();
        s.subscribers--;
        if (s.subscribers === 0 && this.topics.get(topic) === s) this.topics.delete(topic);
        if (this.topics.size === 0) this.stopPoll();
      },
    };
  }

  private startBackground(): void {
    if (!this.listening && this.options.listener) {
      this.listening = true;
      this.options.listener.start(
        (topic) => this.wake(topic),
        () => this.wakeAll(),
      );
    }
    if (!this.timer) {
      this.timer = setInterval(() => void this.pollOnce(), this.options.pollMs);
      this.timer.unref();
    }
  }

  private stopPoll(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Wakes every topic whose newest id changed since the last poll. */
  async pollOnce(): Promise<void> {
    if (this.polling || this.topics.size === 0) return;
    this.polling = true;
    try {
      const newest = await this.options.poll(this.activeTopics());
      for (const [topic, state] of this.topics) {
        const id = newest.get(topic);
        if (id !== undefined && id !== state.newest) {
          state.newest = id;
          this.wake(topic); // a stream that is up to date reads nothing and waits again
        }
      }
    } catch (e) {
      console.warn('[live] the backstop poll failed (it tries again):', e);
    } finally {
      this.polling = false;
    }
  }

  async stop(): Promise<void> {
    this.stopPoll();
    if (this.listening) await this.options.listener?.stop();
    this.listening = false;
  }
}
