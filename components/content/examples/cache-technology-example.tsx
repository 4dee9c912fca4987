'use client';

import { useMemo, useState } from 'react';
import { formatMs, formatRps, formatUsd, formatUtilization } from '@/lib/shared/format';
import { cacheTechDesign, type CacheTech } from '@/lib/learn/example-designs';
import { Choice, ExampleError, ExampleFrame, Stat, Stats, utilizationTone } from './example-frame';
import { useEvaluation } from './use-evaluation';

const TECHS = [
  { value: 'redis', label: 'Redis' },
  { value: 'valkey', label: 'Valkey' },
  { value: 'memcached', label: 'Memcached' },
] as const satisfies readonly { value: CacheTech; label: string }[];

const SIZES = [
  { value: 'medium', label: 'Medium nodes (2 vCPU)' },
  { value: 'xlarge', label: 'Extra-large nodes (8 vCPU)' },
] as const;

/** The same cache tier as Redis, Valkey or Memcached, on small or big nodes. */
export function CacheTechnologyExample() {
  const [tech, setTech] = useState<CacheTech>('redis');
  const [size, setSize] = useState<(typeof SIZES)[number]['value']>('medium');
  const design = useMemo(() => cacheTechDesign(tech, size), [tech, size]);
  const ev = useEvaluation(design);
  return (
    <ExampleFrame
      title="One command thread or many"
      description="Twenty million daily users of an API that mostly reads (200 requests a day each); app servers read through one cache node (95% hit ratio) to a sharded database. Only the cache's technology and node size change."
      controls={
        <>
          <Choice label="Cache technology" value={tech} options={TECHS} onChange={setTech} />
          <Choice label="Node size" value={size} options={SIZES} onChange={setSize} />
        </>
      }
    >
      {ev.ok ? (
        <Stats>
          <Stat label="Reads reaching the cache" value={formatRps(ev.result.nodes.cache.arrivalRps.total)} />
          <Stat
            label="Cache utilisation (per node)"
            value={formatUtilization(ev.result.nodes.cache.utilization)}
            tone={utilizationTone(ev.result.nodes.cache.utilization)}
            detail={ev.result.nodes.cache.saturated ? 'saturated: requests fail' : undefined}
          />
          <Stat label="Cache, per month" value={formatUsd(ev.result.nodes.cache.monthlyCostUsd)} />
          <Stat label="Read latency, p95" value={formatMs(ev.result.endToEnd.latencyMs.read.p95)} />
        </Stats>
      ) : (
        <ExampleError message={ev.error} />
      )}
    </ExampleFrame>
  );
}
