'use client';

import { useMemo, useState } from 'react';
import { wiringDesign, type Wiring } from '@/lib/learn/example-designs';
import { ExampleError, ExampleFrame, Stat, Stats, Toggle } from './example-frame';
import { useEvaluation } from './use-evaluation';
import { formatFraction } from '@/lib/shared/format';

const EDGES: { key: keyof Wiring; label: string }[] = [
  { key: 'appToCache', label: 'App servers → Cache' },
  { key: 'cacheToDb', label: 'Cache → Database' },
  { key: 'appToDb', label: 'App servers → Database' },
  { key: 'queueToWorker', label: 'Queue → Workers (→ Database)' },
];

/** Connections on or off → failing requests and the model's "unhandled" findings. */
export function WiringExample() {
  const [wiring, setWiring] = useState<Wiring>({ appToCache: true, cacheToDb: false, appToDb: true, queueToWorker: true });
  const design = useMemo(() => wiringDesign(wiring), [wiring]);
  const ev = useEvaluation(design);
  const unhandled = ev.ok ? ev.result.findings.filter((f) => f.code === 'unhandled-traffic') : [];
  return (
    <ExampleFrame
      title="Missing connections"
      description="A million daily users: load balancer, app servers, a cache, a database, and a queue the app servers send jobs to. Switch connections on and off."
      controls={
        <div className="grid gap-2 sm:grid-cols-2">
          {EDGES.map((e) => (
            <Toggle key={e.key} label={e.label} checked={wiring[e.key]} onChange={(on) => setWiring((w) => ({ ...w, [e.key]: on }))} />
          ))}
        </div>
      }
    >
      {ev.ok ? (
        <>
          <Stats>
            <Stat
              label="Requests failing"
              value={formatFraction(ev.result.endToEnd.errorRate, 1)}
              tone={ev.result.endToEnd.errorRate > 0.0005 ? 'bad' : 'good'}
            />
            <Stat label="Unhandled findings" value={String(unhandled.length)} tone={unhandled.length > 0 ? 'bad' : 'good'} />
          </Stats>
          {unhandled.length > 0 ? (
            <ul className="mt-3 space-y-1.5 text-sm text-slate-700">
              {unhandled.map((f, i) => (
                <li key={i} className="flex gap-2">
                  <span aria-hidden="true" className="text-saturated">
                    ✕
                  </span>
                  <span>{f.message}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-3 text-sm text-healthy">Every request class has somewhere to go.</p>
          )}
        </>
      ) : (
        <ExampleError message={ev.error} />
      )}
    </ExampleFrame>
  );
}
