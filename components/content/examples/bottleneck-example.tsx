'use client';

import { useMemo, useState } from 'react';
import type { Evaluation } from '@/lib/engine';
import { formatUsers, formatUtilization } from '@/lib/shared/format';
import { bottleneckDesign } from '@/lib/learn/example-designs';
import { ExampleError, ExampleFrame, Slider, Stat, Stats, Stepper, utilizationTone } from './example-frame';
import { useEvaluation } from './use-evaluation';

const USERS = [100_000, 200_000, 500_000, 1_000_000, 2_000_000, 3_000_000, 5_000_000];
const NODES = [
  { id: 'lb', label: 'Load balancer' },
  { id: 'app', label: 'App servers (per instance)' },
  { id: 'db', label: 'Database' },
] as const;

function explain(r: Evaluation): string | undefined {
  return r.findings.find((f) => f.nodeId === r.bottleneck.nodeId && (f.code === 'saturated' || f.code === 'hot'))?.message;
}

/** Users and app instances → each node's utilisation and the bottleneck. */
export function BottleneckExample() {
  const [usersIndex, setUsersIndex] = useState(2);
  const [instances, setInstances] = useState(4);
  const users = USERS[usersIndex];
  const design = useMemo(() => bottleneckDesign(users, instances), [users, instances]);
  const ev = useEvaluation(design);
  return (
    <ExampleFrame
      title="Which component saturates first?"
      description="A load balancer, an app tier and one database with a standby. Add users until something saturates, then add app servers and see where the bottleneck moves."
      controls={
        <>
          <Slider label="Daily active users" value={usersIndex} min={0} max={USERS.length - 1} onChange={setUsersIndex} format={(i) => formatUsers(USERS[i])} />
          <Stepper label="App server instances" value={instances} min={1} max={60} onChange={setInstances} />
        </>
      }
    >
      {ev.ok ? (
        <>
          <Stats>
            {NODES.map((n) => {
              const node = ev.result.nodes[n.id];
              return (
                <Stat
                  key={n.id}
                  label={n.label}
                  value={formatUtilization(node.utilization)}
                  tone={utilizationTone(node.utilization)}
                  detail={node.saturated ? 'saturated' : undefined}
                />
              );
            })}
          </Stats>
          <p className="mt-3 text-sm text-slate-700">
            Bottleneck:{' '}
            <strong className="font-semibold text-slate-900" data-stat="Bottleneck">
              {ev.result.bottleneck.nodeId ? ev.result.nodes[ev.result.bottleneck.nodeId].label : 'none'}
            </strong>
            {explain(ev.result) ? ` — ${explain(ev.result)}` : null}
          </p>
        </>
      ) : (
        <ExampleError message={ev.error} />
      )}
    </ExampleFrame>
  );
}
