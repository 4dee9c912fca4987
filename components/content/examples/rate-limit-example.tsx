'use client';

import { useMemo, useState } from 'react';
import type { Workload } from '@/lib/engine';
import { formatMs, formatRps, formatUtilization } from '@/lib/content/format';
import { rateLimitDesign } from '@/lib/content/example-designs';
import { ExampleError, ExampleFrame, Slider, Stat, Stats, Toggle, utilizationTone } from './example-frame';
import { useEvaluation } from './use-evaluation';

const USERS = 1_000_000;

/** A rate limit against a traffic spike → shed requests, app utilisation and errors. */
export function RateLimitExample() {
  const [limit, setLimit] = useState(4_000);
  const [spike, setSpike] = useState(true);
  const design = useMemo(() => rateLimitDesign(limit), [limit]);
  const workload = useMemo<Partial<Workload>>(() => ({ users: spike ? USERS * 3 : USERS }), [spike]);
  const ev = useEvaluation(design, workload);
  return (
    <ExampleFrame
      title="A rate limit during a spike"
      description="App servers sized for a million daily users. A spike triples the traffic; the limiter admits up to its limit and rejects the rest at once. Set the limit to 0 to remove the limiter."
      controls={
        <>
          <Slider
            label="Rate limit"
            value={limit}
            min={0}
            max={10_000}
            step={250}
            onChange={setLimit}
            format={(v) => (v === 0 ? 'no limiter' : `${v.toLocaleString('en-US')} requests/s`)}
          />
          <Toggle label="Traffic spike (3× the usual peak)" checked={spike} onChange={setSpike} />
        </>
      }
    >
      {ev.ok ? (
        <Stats>
          <Stat label="Offered at peak" value={formatRps(ev.result.offered.static + ev.result.offered.read + ev.result.offered.write)} />
          <Stat label="Rejected by the limiter" value={formatRps(ev.result.endToEnd.shedRps)} />
          <Stat
            label="App server utilisation"
            value={formatUtilization(ev.result.nodes.app.utilization)}
            tone={utilizationTone(ev.result.nodes.app.utilization)}
            detail={ev.result.nodes.app.saturated ? 'saturated: requests time out' : undefined}
          />
          <Stat
            label="Requests failing"
            value={`${(ev.result.endToEnd.errorRate * 100).toFixed(1)}%`}
            tone={ev.result.endToEnd.errorRate > 0.001 ? 'bad' : 'good'}
          />
          <Stat label="Read latency, p95 (admitted)" value={formatMs(ev.result.endToEnd.latencyMs.read.p95)} />
        </Stats>
      ) : (
        <ExampleError message={ev.error} />
      )}
    </ExampleFrame>
  );
}
