'use client';

import { useMemo, useState } from 'react';
import { formatMs, formatPercent, formatUtilization } from '@/lib/shared/format';
import { shardDesign } from '@/lib/learn/example-designs';
import { ExampleError, ExampleFrame, Slider, Stat, Stats, Stepper, utilizationTone } from './example-frame';
import { useEvaluation } from './use-evaluation';

/** Shard count and skew → the hottest shard's utilisation. */
export function ShardSkewExample() {
  const [shards, setShards] = useState(4);
  const [skew, setSkew] = useState(0);
  const design = useMemo(() => shardDesign(shards, skew), [shards, skew]);
  const ev = useEvaluation(design);
  const even = useMemo(() => shardDesign(shards, 0), [shards]);
  const evEven = useEvaluation(even);
  return (
    <ExampleFrame
      title="Shards and a hot shard"
      description="Twenty-five million daily users, reads through a cache, writes (five statements each) to a sharded database, background jobs through a queue. Skew is how much more than its fair share the busiest shard takes: 1 means twice. The hot shard runs out of disk operations first; in the model a read waits for the disk and a write does not, so the hot shard shows in the read p95."
      controls={
        <>
          <Stepper label="Shards" value={shards} min={1} max={16} onChange={setShards} />
          <Slider label="Skew on the hottest shard" value={skew} min={0} max={3} step={0.1} onChange={setSkew} format={(v) => `+${formatPercent(v)}`} />
        </>
      }
    >
      {ev.ok && evEven.ok ? (
        <Stats>
          <Stat
            label="Hottest shard utilisation"
            value={formatUtilization(ev.result.nodes.db.utilization)}
            tone={utilizationTone(ev.result.nodes.db.utilization)}
            detail={ev.result.nodes.db.saturated ? 'saturated: its requests fail' : undefined}
          />
          <Stat label="Same shards, no skew" value={formatUtilization(evEven.result.nodes.db.utilization)} />
          <Stat label="Read latency, p95" value={formatMs(ev.result.endToEnd.latencyMs.read.p95)} />
        </Stats>
      ) : (
        <ExampleError message={ev.ok ? (evEven as { error: string }).error : ev.error} />
      )}
    </ExampleFrame>
  );
}
