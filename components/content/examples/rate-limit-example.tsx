'use client';

import { useMemo, useState } from 'react';
import type { Workload } from '@/lib/engine';
import { formatFraction, formatMs, formatRps, formatUtilization } from '@/lib/shared/format';
import { rateLimitDesign } from '@/lib/learn/example-designs';
import { failingShare, offeredUserRps } from '@/lib/learn/example-stats';
import { ExampleError, ExampleFrame, Slider, Stat, Stats, Toggle, utilizationTone } from './example-frame';
import { useEvaluation } from './use-evaluation';

const USERS = 1_000_000;


/** A rate limit against a traffic spike → shed requests, app utilisation and errors. */
export function RateLimitExample() {
  const [limit, setLimit] = useState(3_500);
  const [spike, setSpike] = useState(true);
  const design = useMemo(() => rateLimitDesign(limit), [limit]);
  const workload = useMemo<Partial<Workload>>(() => ({ users: spike ? USERS * 3 : USERS }), [spike]);
  const ev = useEvaluation(design, workload);
  return (
    <ExampleFrame
      title="A rate limit during a spike"
      description="Twelve app servers, sized for a million daily users. A spike of ordinary users triples the traffic; the limiter admits up to its limit and rejects the rest at once, and a rejected request has failed for the user who sent it. Set the limit to 0 to remove the limiter."
      controls={
        <>
          <Slider
            label="Rate limit"
            value={limit}
            min={0}
            max={10_000}
            step={250}
            onChange={setLimit}
            format={(v) => (v === 0 ? 'no limiter' : formatRps(v))}
          />
          <Toggle label="Traffic spike (3× the usual peak)" checked={spike} onChange={setSpike} />
        </>
      }
    >
      {ev.ok ? (
        <Stats>
          <Stat label="Offered at peak" value={formatRps(offeredUserRps(ev.result))} />
          <Stat label="Rejected by the limiter" value={formatRps(ev.result.endToEnd.shedRps)} />
          <Stat
            label="App server utilisation"
            value={formatUtilization(ev.result.nodes.app.utilization)}
            tone={utilizationTone(ev.result.nodes.app.utilization)}
            detail={ev.result.nodes.app.saturated ? 'saturated: requests time out' : undefined}
          />
          <Stat
            label="Requests failing"
            value={formatFraction(failingShare(ev.result), 1)}
            tone={failingShare(ev.result) > 0.001 ? 'bad' : 'good'}
            detail={ev.result.endToEnd.shedRps > 0 ? 'rejections included: a 429 is a failed request to its user' : 'timeouts and errors'}
          />
          <Stat label="Read latency, p95 (admitted)" value={formatMs(ev.result.endToEnd.latencyMs.read.p95)} />
        </Stats>
      ) : (
        <ExampleError message={ev.error} />
      )}
    </ExampleFrame>
  );
}
