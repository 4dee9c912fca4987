'use client';

import { useMemo, useState } from 'react';
import { formatMs, formatPercent, formatRps, formatUtilization } from '@/lib/shared/format';
import { hitRatioDesign } from '@/lib/learn/example-designs';
import { ExampleError, ExampleFrame, Slider, Stat, Stats, utilizationTone } from './example-frame';
import { useEvaluation } from './use-evaluation';

/** Cache hit ratio → database reads, utilisation and read latency. */
export function HitRatioExample() {
  const [hitRatio, setHitRatio] = useState(0.8);
  const design = useMemo(() => hitRatioDesign(hitRatio), [hitRatio]);
  const ev = useEvaluation(design);
  return (
    <ExampleFrame
      title="Cache hit ratio against database load"
      description="Four million daily users; app servers read through a cache to one database primary (with a standby). The database also takes every write; background jobs go through a queue to workers, so they do not hold up reads."
      controls={
        <Slider
          label="Cache hit ratio"
          value={hitRatio}
          min={0}
          max={0.99}
          step={0.01}
          onChange={setHitRatio}
          format={(v) => `${formatPercent(v)}`}
        />
      }
    >
      {ev.ok ? (
        <Stats>
          <Stat label="Reads reaching the database" value={formatRps(ev.result.nodes.db.arrivalRps.read)} />
          <Stat
            label="Database utilisation"
            value={formatUtilization(ev.result.nodes.db.utilization)}
            tone={utilizationTone(ev.result.nodes.db.utilization)}
            detail={ev.result.nodes.db.saturated ? 'saturated: requests fail' : undefined}
          />
          <Stat label="Read latency, p95 end to end" value={formatMs(ev.result.endToEnd.latencyMs.read.p95)} />
        </Stats>
      ) : (
        <ExampleError message={ev.error} />
      )}
    </ExampleFrame>
  );
}
