'use client';

import { useMemo, useState } from 'react';
import { formatMs } from '@/lib/shared/format';
import { consistencyDesign, type ReadFrom } from '@/lib/learn/example-designs';
import { Choice, ExampleError, ExampleFrame, Stat, Stats } from './example-frame';
import { useEvaluation } from './use-evaluation';

const OPTIONS = [
  { value: 'leader', label: 'Always read the leader' },
  { value: 'local-copy', label: 'Read a local copy' },
] as const satisfies readonly { value: ReadFrom; label: string }[];

/** Reading the distant leader (fresh, slow) or a local copy (fast, possibly stale). */
export function ConsistencyExample() {
  const [readFrom, setReadFrom] = useState<ReadFrom>('leader');
  const design = useMemo(() => consistencyDesign(readFrom), [readFrom]);
  const ev = useEvaluation(design);
  return (
    <ExampleFrame
      title="Fresh and far, or near and possibly stale"
      description="App servers in one region; the database leader in another. Reads either cross regions to the leader or come from a local copy (a cache with a 95% hit ratio) that may lag behind it."
      controls={<Choice label="Where reads go" value={readFrom} options={OPTIONS} onChange={setReadFrom} />}
    >
      {ev.ok ? (
        <Stats>
          <Stat label="Read latency, p50" value={formatMs(ev.result.endToEnd.latencyMs.read.p50)} />
          <Stat label="Read latency, p95" value={formatMs(ev.result.endToEnd.latencyMs.read.p95)} />
          <Stat
            label="A read may be stale"
            value={readFrom === 'leader' ? 'never' : 'yes'}
            tone={readFrom === 'leader' ? 'good' : 'warn'}
            detail={readFrom === 'leader' ? 'every read sees the latest write' : 'by up to the copy’s lag or TTL'}
          />
        </Stats>
      ) : (
        <ExampleError message={ev.error} />
      )}
    </ExampleFrame>
  );
}
