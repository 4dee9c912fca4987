'use client';

import { useMemo, useState } from 'react';
import { formatAvailability } from '@/lib/shared/format';
import { monitoringDesign } from '@/lib/learn/example-designs';
import { ExampleError, ExampleFrame, Stat, Stats, Toggle } from './example-frame';
import { useEvaluation } from './use-evaluation';

function downtime(a: number): string {
  const minutes = (1 - a) * 365 * 24 * 60;
  return minutes >= 120 ? `${Math.round(minutes / 60)} h` : `${Math.round(minutes)} min`;
}

/** Monitoring on or off → faster repair, higher availability. */
export function MonitoringExample() {
  const [monitored, setMonitored] = useState(false);
  const design = useMemo(() => monitoringDesign(monitored), [monitored]);
  const ev = useEvaluation(design);
  return (
    <ExampleFrame
      title="Monitoring shortens every repair"
      description="A hundred thousand daily users, three app servers behind a load balancer and a database without a standby, so the database is a single point of failure for every read and write; the app servers also serve static files, which never touch it. Monitoring detects failures in minutes instead of half an hour; a failed database is still restored from backup in hours."
      controls={<Toggle label="Monitoring with automatic replacement" checked={monitored} onChange={setMonitored} />}
    >
      {ev.ok ? (
        <Stats>
          <Stat label="Database availability" value={formatAvailability(ev.result.nodes.db.availability)} />
          <Stat
            label="Reads and writes"
            value={formatAvailability(ev.result.endToEnd.availabilityByClass.read)}
            detail="every one needs the database"
          />
          <Stat
            label="End-to-end availability"
            value={formatAvailability(ev.result.endToEnd.availability)}
            detail="static files, half the requests, skip the database"
          />
          <Stat label="Expected downtime a year" value={downtime(ev.result.endToEnd.availability)} />
        </Stats>
      ) : (
        <ExampleError message={ev.error} />
      )}
    </ExampleFrame>
  );
}
