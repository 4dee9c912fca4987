'use client';

import { useMemo, useState } from 'react';
import { CATALOG } from '@/lib/engine';
import { formatMs, formatRps, formatUsers, formatUtilization } from '@/lib/shared/format';
import { utilizationDesign } from '@/lib/learn/example-designs';
import { ExampleError, ExampleFrame, Slider, Stat, Stats, utilizationTone } from './example-frame';
import { useEvaluation } from './use-evaluation';

/** Load on one server → utilisation and its response-time percentiles (the hockey stick). */
export function UtilizationExample() {
  const [users, setUsers] = useState(40_000);
  const design = useMemo(() => utilizationDesign(users), [users]);
  const ev = useEvaluation(design);
  return (
    <ExampleFrame
      title="Utilisation against latency on one server"
      description={`A single ${CATALOG.server.defaults.cores?.value ?? 2}-core server that runs the app and its database. Raise the daily users and watch the server's own response time.`}
      controls={
        <Slider label="Daily active users" value={users} min={5_000} max={115_000} step={5_000} onChange={setUsers} format={formatUsers} />
      }
    >
      {ev.ok ? (
        <Stats>
          <Stat label="Peak load" value={formatRps(ev.result.offered.total)} />
          <Stat
            label="Server utilisation"
            value={formatUtilization(ev.result.nodes.server.utilization)}
            tone={utilizationTone(ev.result.nodes.server.utilization)}
            detail={ev.result.nodes.server.saturated ? 'saturated: requests time out' : undefined}
          />
          <Stat label="Server response, mean" value={formatMs(ev.result.nodes.server.responseMs.mean)} />
          <Stat label="Server response, p95" value={formatMs(ev.result.nodes.server.responseMs.p95)} />
          <Stat label="Server response, p99" value={formatMs(ev.result.nodes.server.responseMs.p99)} />
        </Stats>
      ) : (
        <ExampleError message={ev.error} />
      )}
    </ExampleFrame>
  );
}
