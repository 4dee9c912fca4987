'use client';

import { useMemo, useState } from 'react';
import { formatAvailability, formatUsd, formatUtilization } from '@/lib/shared/format';
import { regionsDesign } from '@/lib/learn/example-designs';
import { Choice, ExampleError, ExampleFrame, Slider, Stat, Stats, utilizationTone } from './example-frame';
import { useEvaluation } from './use-evaluation';

const REGIONS = [
  { value: '1', label: 'One region' },
  { value: '2', label: 'Two regions, geo DNS' },
] as const;

/** One region or two, and how many app servers each runs → availability and whether a region's failure is carried. */
export function RegionsExample() {
  const [regions, setRegions] = useState<'1' | '2'>('2');
  const [perRegion, setPerRegion] = useState(30);
  const design = useMemo(() => regionsDesign(regions === '2' ? 2 : 1, perRegion), [regions, perRegion]);
  const ev = useEvaluation(design);
  const carried = ev.ok && ev.result.regions.parallel;
  return (
    <ExampleFrame
      title="A second region, and whether it can carry the first"
      description="Ten million daily users. Each region runs a load balancer, app servers, a cache and a database with a standby. With two regions, geo DNS splits users between them."
      controls={
        <>
          <Choice label="Regions" value={regions} options={REGIONS} onChange={setRegions} />
          <Slider label="App servers per region" value={perRegion} min={20} max={100} step={5} onChange={setPerRegion} />
        </>
      }
    >
      {ev.ok ? (
        <Stats>
          <Stat
            label="App utilisation, normal day"
            value={formatUtilization(ev.result.nodes.app1.utilization)}
            tone={utilizationTone(ev.result.nodes.app1.utilization)}
          />
          <Stat
            label="Survives losing a region"
            value={regions === '1' ? 'no' : carried ? 'yes' : 'no'}
            tone={carried ? 'good' : 'bad'}
            detail={
              regions === '1'
                ? 'nowhere to fail over to'
                : carried
                  ? 'the other region carries the load'
                  : 'the surviving region would saturate'
            }
          />
          <Stat label="End-to-end availability" value={formatAvailability(ev.result.endToEnd.availability)} />
          <Stat label="Whole design, per month" value={formatUsd(ev.result.endToEnd.monthlyCostUsd)} />
        </Stats>
      ) : (
        <ExampleError message={ev.error} />
      )}
    </ExampleFrame>
  );
}
