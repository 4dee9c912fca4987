'use client';

import { useMemo, useState } from 'react';
import { formatMs, formatPercent, formatRps, formatUsd } from '@/lib/shared/format';
import { cdnDesign } from '@/lib/learn/example-designs';
import { ExampleError, ExampleFrame, Slider, Stat, Stats } from './example-frame';
import { useEvaluation } from './use-evaluation';

/** CDN hit ratio → origin load, static latency and the monthly bill. */
export function CdnExample() {
  const [hitRatio, setHitRatio] = useState(0.9);
  const design = useMemo(() => cdnDesign(hitRatio), [hitRatio]);
  const ev = useEvaluation(design);
  return (
    <ExampleFrame
      title="CDN hit ratio against origin load and cost"
      description="Five million daily users; static files come from a CDN whose misses go to object storage."
      controls={
        <Slider
          label="CDN hit ratio"
          value={hitRatio}
          min={0.5}
          max={0.99}
          step={0.01}
          onChange={setHitRatio}
          format={(v) => `${formatPercent(v)}`}
        />
      }
    >
      {ev.ok ? (
        <Stats>
          <Stat label="Requests reaching the origin" value={formatRps(ev.result.nodes.storage.arrivalRps.static)} />
          <Stat label="Static latency, p95" value={formatMs(ev.result.endToEnd.latencyMs.static.p95)} />
          <Stat label="Whole design, per month" value={formatUsd(ev.result.endToEnd.monthlyCostUsd)} />
        </Stats>
      ) : (
        <ExampleError message={ev.error} />
      )}
    </ExampleFrame>
  );
}
