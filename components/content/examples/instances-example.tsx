'use client';

import { useMemo, useState } from 'react';
import { formatAvailability, formatUsd, formatUtilization } from '@/lib/shared/format';
import { instancesDesign } from '@/lib/learn/example-designs';
import { stageSpec } from '@/lib/rules/stages';
import { ExampleError, ExampleFrame, Stat, Stats, Stepper, targetTone, utilizationTone } from './example-frame';
import { useEvaluation } from './use-evaluation';

function downtime(a: number): string {
  const minutes = (1 - a) * 365 * 24 * 60;
  return minutes >= 120 ? `${Math.round(minutes / 60)} h a year` : `${Math.round(minutes)} min a year`;
}

/** Stage 3's availability objective, which this design is sized for. */
const STAGE_3_SLO = stageSpec(3)!.availability;

/** App instances behind a load balancer → the tier's availability (k of n). */
export function InstancesExample() {
  const [instances, setInstances] = useState(1);
  const design = useMemo(() => instancesDesign(instances), [instances]);
  const ev = useEvaluation(design);
  return (
    <ExampleFrame
      title="Spare instances and availability"
      description="A hundred thousand daily users, a load balancer, an app tier and a database with a standby. Instances fail now and then; the tier is up while enough of them are. One instance is also down for every deploy; two or more roll a deploy one at a time."
      controls={<Stepper label="App server instances" value={instances} min={1} max={6} onChange={setInstances} />}
    >
      {ev.ok ? (
        <Stats>
          <Stat
            label="App tier availability"
            value={formatAvailability(ev.result.nodes.app.availability)}
            detail={ev.result.nodes.app.spof ? 'single point of failure' : 'has a spare'}
          />
          <Stat
            label="End-to-end availability"
            value={formatAvailability(ev.result.endToEnd.availability)}
            tone={targetTone(ev.result.endToEnd.availability, STAGE_3_SLO, true)}
            detail={`about ${downtime(ev.result.endToEnd.availability)} down`}
          />
          <Stat label="Utilisation per instance" value={formatUtilization(ev.result.nodes.app.utilization)} tone={utilizationTone(ev.result.nodes.app.utilization)} />
          <Stat label="App tier, per month" value={formatUsd(ev.result.nodes.app.monthlyCostUsd)} />
        </Stats>
      ) : (
        <ExampleError message={ev.error} />
      )}
    </ExampleFrame>
  );
}
