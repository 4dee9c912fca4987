'use client';

import { useMemo, useState } from 'react';
import { formatMs, formatUtilization } from '@/lib/shared/format';
import { queryCostDesign } from '@/lib/learn/example-designs';
import { ExampleError, ExampleFrame, Slider, Stat, Stats, utilizationTone } from './example-frame';
import { useEvaluation } from './use-evaluation';
import { WORKLOAD_DEFAULTS } from '@/lib/engine/data';

/** Database CPU per query, ms; 0.15 is the model's indexed read query (MODEL.md §9.2). */
const READ_MS = [0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 1, 2];

/** Database CPU per read query (an index lookup or a scan) → utilisation and read latency. */
export function QueryCostExample() {
  const [index, setIndex] = useState(1);
  const readMs = READ_MS[index];
  const design = useMemo(() => queryCostDesign(readMs), [readMs]);
  const ev = useEvaluation(design);
  return (
    <ExampleFrame
      title="What a slow query costs the database"
      description={`A million daily users, one database primary; each page read makes ${WORKLOAD_DEFAULTS.queriesPerRead} queries. An indexed lookup costs a fraction of a millisecond of CPU; a query that scans rows costs many.`}
      controls={
        <Slider label="Database CPU per read query" value={index} min={0} max={READ_MS.length - 1} onChange={setIndex} format={(i) => `${READ_MS[i]} ms`} />
      }
    >
      {ev.ok ? (
        <Stats>
          <Stat
            label="Database utilisation"
            value={formatUtilization(ev.result.nodes.db.utilization)}
            tone={utilizationTone(ev.result.nodes.db.utilization)}
            detail={ev.result.nodes.db.saturated ? 'saturated: queries time out' : undefined}
          />
          <Stat label="Database response, p95" value={formatMs(ev.result.nodes.db.responseMs.p95)} />
          <Stat label="Read latency, p95 end to end" value={formatMs(ev.result.endToEnd.latencyMs.read.p95)} />
        </Stats>
      ) : (
        <ExampleError message={ev.error} />
      )}
    </ExampleFrame>
  );
}
