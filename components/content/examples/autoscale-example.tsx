'use client';

import { useMemo, useState } from 'react';
import { formatAvailability, formatMs, formatPercent, formatUsd } from '@/lib/shared/format';
import { autoscaleDesign } from '@/lib/learn/example-designs';
import { ExampleError, ExampleFrame, Slider, Stat, Stats } from './example-frame';
import { useEvaluation } from './use-evaluation';

/** Autoscaling target utilisation → instances at peak and on average, cost, latency, availability. */
export function AutoscaleExample() {
  const [target, setTarget] = useState(0.6);
  const design = useMemo(() => autoscaleDesign(target), [target]);
  const ev = useEvaluation(design);
  return (
    <ExampleFrame
      title="Autoscaling to a target utilisation"
      description="A million daily users; the app tier scales between 2 and 40 instances to hold the target at the peak, and follows the daily curve the rest of the time."
      controls={
        <Slider label="Target utilisation" value={target} min={0.3} max={0.95} step={0.05} onChange={setTarget} format={(v) => `${formatPercent(v)}`} />
      }
    >
      {ev.ok ? (
        <Stats>
          <Stat label="Instances at peak" value={String(ev.result.nodes.app.instances)} />
          <Stat label="Instances on average" value={ev.result.nodes.app.averageInstances.toFixed(1)} />
          <Stat label="App tier, per month" value={formatUsd(ev.result.nodes.app.monthlyCostUsd)} />
          <Stat label="Read latency, p95" value={formatMs(ev.result.endToEnd.latencyMs.read.p95)} />
          <Stat
            label="End-to-end availability"
            value={formatAvailability(ev.result.endToEnd.availability)}
            detail={ev.result.nodes.app.spof ? 'app tier has no spare at peak' : undefined}
          />
        </Stats>
      ) : (
        <ExampleError message={ev.error} />
      )}
    </ExampleFrame>
  );
}
