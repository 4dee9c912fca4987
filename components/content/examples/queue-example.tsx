'use client';

import { useMemo, useState } from 'react';
import type { Workload } from '@/lib/engine';
import { formatDuration, formatInteger, formatMs, formatPercent, formatRps, formatUtilization } from '@/lib/shared/format';
import { queueDesign, type QueueControl } from '@/lib/learn/example-designs';
import { ExampleError, ExampleFrame, Slider, Stat, Stats, Stepper, utilizationTone } from './example-frame';
import { useEvaluation } from './use-evaluation';

const SETUPS: Record<QueueControl, { workers: number; initial: number; title: string; description: string }> = {
  workers: {
    workers: 10,
    initial: 10,
    title: 'Workers against backlog and drain time',
    description:
      'Ten million daily users; a fifth of writes spawn a 200 ms job that goes through a queue. Workers run at the average job rate; the queue holds the peak-hour surplus.',
  },
  asyncShare: {
    workers: 40,
    initial: 0.2,
    title: 'Events that spawn work',
    description: 'Ten million daily users and 40 workers. Each write may publish an event that a worker must process.',
  },
  jobMs: {
    workers: 12,
    initial: 200,
    title: 'Job cost against backlog',
    description: 'Ten million daily users and 12 workers. Heavier jobs (a bigger batch, a slower transformation) cut what the workers get through.',
  },
};

/** Queue and workers: backlog after the peak hour and time to drain it, for one control. */
export function QueueExample({ control = 'workers' }: { control?: QueueControl }) {
  const setup = SETUPS[control] ?? SETUPS.workers;
  const [value, setValue] = useState(setup.initial);
  const workers = control === 'workers' ? value : setup.workers;
  const design = useMemo(() => queueDesign(workers), [workers]);
  const workload = useMemo<Partial<Workload> | undefined>(
    () => (control === 'asyncShare' ? { asyncShare: value } : control === 'jobMs' ? { jobServiceMs: value } : undefined),
    [control, value],
  );
  const ev = useEvaluation(design, workload);

  const controls =
    control === 'workers' ? (
      <Stepper label="Worker instances" value={value} min={1} max={30} onChange={setValue} />
    ) : control === 'asyncShare' ? (
      <Slider label="Writes that emit an event" value={value} min={0} max={1} step={0.05} onChange={setValue} format={(v) => `${formatPercent(v)}`} />
    ) : (
      <Slider label="CPU time per job" value={value} min={50} max={600} step={25} onChange={setValue} format={(v) => `${v} ms`} />
    );

  if (!ev.ok) {
    return (
      <ExampleFrame title={setup.title} description={setup.description} controls={controls}>
        <ExampleError message={ev.error} />
      </ExampleFrame>
    );
  }
  const r = ev.result;
  const q = r.nodes.queue.queue;
  const backlog = q?.backlogJobs ?? 0;
  const drain = q?.drainSeconds ?? null;
  return (
    <ExampleFrame title={setup.title} description={setup.description} controls={controls}>
      <Stats>
        <Stat label="Jobs at peak" value={formatRps(r.jobs.queuedRps)} detail={`workers handle ${formatRps(q?.workerCapacityRps ?? 0)}`} />
        <Stat label="Worker utilisation (average rate)" value={formatUtilization(r.nodes.worker.utilization)} tone={utilizationTone(r.nodes.worker.utilization)} />
        <Stat
          label="Backlog after the peak hour"
          value={backlog < 1 ? 'none' : `${formatInteger(backlog)} jobs`}
          tone={backlog < 1 ? 'good' : drain === null ? 'bad' : 'warn'}
        />
        <Stat
          label="Time to drain it"
          value={backlog < 1 ? '—' : drain === null ? 'never' : formatDuration(drain)}
          tone={backlog >= 1 && drain === null ? 'bad' : 'neutral'}
          detail={backlog >= 1 && drain === null ? 'workers are slower than the average rate' : undefined}
        />
        <Stat label="Write latency, p95" value={formatMs(r.endToEnd.latencyMs.write.p95)} detail="jobs are off the request path" />
      </Stats>
    </ExampleFrame>
  );
}
