'use client';

import { useMemo, useState } from 'react';
import { WORKLOAD_DEFAULTS, type Workload } from '@/lib/engine';
import { formatPercent, formatRps, formatUsers } from '@/lib/shared/format';
import { peakLoadDesign } from '@/lib/learn/example-designs';
import { ExampleError, ExampleFrame, Slider, Stat, Stats } from './example-frame';
import { useEvaluation } from './use-evaluation';


/** Log-spaced user counts the slider steps through. */
const USERS = [1e3, 3e3, 1e4, 3e4, 1e5, 3e5, 1e6, 3e6, 1e7, 3e7, 1e8];

/** Daily users, requests per user and peak factor → peak requests per second per class. */
export function PeakLoadExample() {
  const [usersIndex, setUsersIndex] = useState(6);
  const [perUser, setPerUser] = useState(WORKLOAD_DEFAULTS.requestsPerUserPerDay);
  const [peak, setPeak] = useState(WORKLOAD_DEFAULTS.peakFactor);
  const users = USERS[usersIndex];
  const design = useMemo(() => peakLoadDesign(users), [users]);
  const workload = useMemo<Partial<Workload>>(() => ({ requestsPerUserPerDay: perUser, peakFactor: peak }), [perUser, peak]);
  const ev = useEvaluation(design, workload);
  return (
    <ExampleFrame
      title="From daily users to peak requests per second"
      description={`The model's default mix: ${formatPercent(WORKLOAD_DEFAULTS.staticShare)} of requests static, ${formatPercent(WORKLOAD_DEFAULTS.readRatio)} of the rest reads, and ${formatPercent(WORKLOAD_DEFAULTS.asyncShare)} of writes spawning a background job.`}
      controls={
        <>
          <Slider label="Daily active users" value={usersIndex} min={0} max={USERS.length - 1} onChange={setUsersIndex} format={(i) => formatUsers(USERS[i])} />
          <Slider label="Requests per user per day" value={perUser} min={5} max={300} step={5} onChange={setPerUser} />
          <Slider label="Peak factor" value={peak} min={1} max={6} step={0.5} onChange={setPeak} format={(v) => `${v}×`} />
        </>
      }
    >
      {ev.ok ? (
        <Stats>
          <Stat label="Peak requests, total" value={formatRps(ev.result.offered.static + ev.result.offered.read + ev.result.offered.write)} />
          <Stat label="Static" value={formatRps(ev.result.offered.static)} />
          <Stat label="Reads" value={formatRps(ev.result.offered.read)} />
          <Stat label="Writes" value={formatRps(ev.result.offered.write)} />
          <Stat label="Background jobs" value={formatRps(ev.result.offered.job)} />
        </Stats>
      ) : (
        <ExampleError message={ev.error} />
      )}
    </ExampleFrame>
  );
}
