'use client';

import { useMemo, useState } from 'react';
import { formatMs, formatUsd, formatUtilization } from '@/lib/shared/format';
import { storeDesign, type StoreChoice } from '@/lib/learn/example-designs';
import { Choice, ExampleError, ExampleFrame, Stat, Stats, utilizationTone } from './example-frame';
import { useEvaluation } from './use-evaluation';

const STORES = [
  { value: 'relational', label: 'Relational primary' },
  { value: 'nosql-3', label: 'NoSQL, 3 nodes' },
  { value: 'nosql-6', label: 'NoSQL, 6 nodes' },
] as const satisfies readonly { value: StoreChoice; label: string }[];

const USERS = [
  { value: '1000000', label: '1M users' },
  { value: '5000000', label: '5M users' },
  { value: '10000000', label: '10M users' },
] as const;

/** The same app on a relational primary or a partitioned NoSQL store. */
export function StoreChoiceExample() {
  const [store, setStore] = useState<StoreChoice>('relational');
  const [users, setUsers] = useState<(typeof USERS)[number]['value']>('1000000');
  const design = useMemo(() => storeDesign(store, Number(users)), [store, users]);
  const ev = useEvaluation(design);
  return (
    <ExampleFrame
      title="One primary or a partitioned store"
      description="Every read and write goes to the store (no cache). A NoSQL store spreads load over its nodes but writes each item to three of them."
      controls={
        <>
          <Choice label="Data store" value={store} options={STORES} onChange={setStore} />
          <Choice label="Daily active users" value={users} options={USERS} onChange={setUsers} />
        </>
      }
    >
      {ev.ok ? (
        <Stats>
          <Stat
            label="Store utilisation (per node)"
            value={formatUtilization(ev.result.nodes.store.utilization)}
            tone={utilizationTone(ev.result.nodes.store.utilization)}
            detail={ev.result.nodes.store.saturated ? 'saturated: requests fail' : undefined}
          />
          <Stat label="Read latency, p95" value={formatMs(ev.result.endToEnd.latencyMs.read.p95)} />
          <Stat label="Store, per month" value={formatUsd(ev.result.nodes.store.monthlyCostUsd)} />
        </Stats>
      ) : (
        <ExampleError message={ev.error} />
      )}
    </ExampleFrame>
  );
}
