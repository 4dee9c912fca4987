'use client';

import { useMemo, useState } from 'react';
import { formatAvailability, formatUsd, formatUtilization } from '@/lib/shared/format';
import { replicaDesign } from '@/lib/learn/example-designs';
import { ExampleError, ExampleFrame, Stat, Stats, Stepper, utilizationTone } from './example-frame';
import { useEvaluation } from './use-evaluation';

/** Read replicas → primary and replica utilisation, availability and cost. */
export function ReplicaExample() {
  const [replicas, setReplicas] = useState(0);
  const design = useMemo(() => replicaDesign(replicas), [replicas]);
  const ev = useEvaluation(design);
  return (
    <ExampleFrame
      title="Read replicas behind one primary"
      description="Two and a half million daily users, large database nodes. With replicas connected, the primary sends them every read and keeps the writes; each replica also replays the writes."
      controls={
        <Stepper label="Read replicas" value={replicas} min={0} max={6} onChange={setReplicas} unit={(n) => String(n)} />
      }
    >
      {ev.ok ? (
        <Stats>
          <Stat
            label="Primary utilisation"
            value={formatUtilization(ev.result.nodes.db.utilization)}
            tone={utilizationTone(ev.result.nodes.db.utilization)}
          />
          <Stat
            label="Each replica's utilisation"
            value={ev.result.nodes.replica ? formatUtilization(ev.result.nodes.replica.utilization) : 'no replicas'}
            tone={ev.result.nodes.replica ? utilizationTone(ev.result.nodes.replica.utilization) : 'neutral'}
          />
          <Stat
            label="End-to-end availability"
            value={formatAvailability(ev.result.endToEnd.availability)}
            detail={ev.result.spofs.length > 0 ? `single point of failure: ${ev.result.spofs.map((id) => ev.result.nodes[id].label).join(', ')}` : 'no single point of failure'}
          />
          <Stat label="Database tier, per month" value={formatUsd(ev.result.nodes.db.monthlyCostUsd + (ev.result.nodes.replica?.monthlyCostUsd ?? 0))} />
        </Stats>
      ) : (
        <ExampleError message={ev.error} />
      )}
    </ExampleFrame>
  );
}
