'use client';

import { lazy, Suspense } from 'react';

/**
 * The results panel's Growth and What-if views, loaded when first opened:
 * most visits only look at the scorecard, and these two (their charts, their
 * scenario texts) would otherwise weigh on every editor page's first load
 * (/play's budget is 350 KB gzipped, e2e/first-load-budget.spec.ts).
 */
const Growth = lazy(() => import('./growth-chart').then((m) => ({ default: m.GrowthChart })));
const Chaos = lazy(() => import('./chaos-panel').then((m) => ({ default: m.ChaosPanel })));

function Loading() {
  return (
    <p className="text-sm text-slate-700" role="status">
      Loading…
    </p>
  );
}

export function GrowthChart() {
  return (
    <Suspense fallback={<Loading />}>
      <Growth />
    </Suspense>
  );
}

export function ChaosPanel() {
  return (
    <Suspense fallback={<Loading />}>
      <Chaos />
    </Suspense>
  );
}
