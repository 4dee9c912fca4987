'use client';

import { useMemo, useState } from 'react';
import { formatAvailability, formatMs, formatUsd } from '@/lib/shared/format';
import { serviceChainDesign } from '@/lib/learn/example-designs';
import { ExampleError, ExampleFrame, Stat, Stats, Stepper, Toggle } from './example-frame';
import { useEvaluation } from './use-evaluation';

/** Services in a synchronous chain → end-to-end latency, availability and cost. */
export function ServiceChainExample() {
  const [depth, setDepth] = useState(1);
  const [spare, setSpare] = useState(false);
  const design = useMemo(() => serviceChainDesign(depth, spare), [depth, spare]);
  const ev = useEvaluation(design);
  return (
    <ExampleFrame
      title="The cost of a synchronous call chain"
      description="A hundred thousand daily users. Each request passes the gateway and then every service in the chain before reaching the database."
      controls={
        <>
          <Stepper label="Services in the chain" value={depth} min={1} max={6} onChange={setDepth} />
          <Toggle label="Give every service a spare instance" checked={spare} onChange={setSpare} />
        </>
      }
    >
      {ev.ok ? (
        <Stats>
          <Stat label="Read latency, p95" value={formatMs(ev.result.endToEnd.latencyMs.read.p95)} />
          <Stat label="Write latency, p95" value={formatMs(ev.result.endToEnd.latencyMs.write.p95)} />
          <Stat
            label="End-to-end availability"
            value={formatAvailability(ev.result.endToEnd.availability)}
            detail={ev.result.spofs.length > 0 ? `${ev.result.spofs.length} single point${ev.result.spofs.length === 1 ? '' : 's'} of failure` : 'no single point of failure'}
          />
          <Stat label="Whole design, per month" value={formatUsd(ev.result.endToEnd.monthlyCostUsd)} />
        </Stats>
      ) : (
        <ExampleError message={ev.error} />
      )}
    </ExampleFrame>
  );
}
