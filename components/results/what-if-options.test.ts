import { describe, expect, it } from 'vitest';
import { formatMs, formatUsd } from '@/lib/shared/format';
import { KINDS, describeWhatIf, regionOfKind } from '@/lib/engine/data';
import { regionOf } from '@/lib/engine';
import { changeOf, defaultWhatIf, targetRegions, unavailableReason, validWhatIf, type WhatIfTarget } from './what-if-options';

const lb: WhatIfTarget = { id: 'lb', label: 'Load balancer', kind: 'load-balancer', region: 'region-1' };
const app: WhatIfTarget = { id: 'app', label: 'App servers', kind: 'app-server', region: 'region-1' };
const db: WhatIfTarget = { id: 'db', label: 'Database', kind: 'database', region: 'region-2' };
const cdn: WhatIfTarget = { id: 'cdn', label: 'CDN', kind: 'cdn', region: null };
const stage3 = [lb, app, db];

describe('what-if choices', () => {
  it('keeps a choice whose component is still there', () => {
    expect(validWhatIf({ type: 'fail-node', nodeId: 'app' }, stage3, [db])).toEqual({ type: 'fail-node', nodeId: 'app' });
  });

  it('moves a choice whose component was deleted to a component that exists, preferring the single points of failure', () => {
    const afterDelete = [lb, db];
    expect(validWhatIf({ type: 'fail-node', nodeId: 'app' }, afterDelete, [db, ...afterDelete])).toEqual({ type: 'fail-node', nodeId: 'db' });
    expect(validWhatIf({ type: 'fail-instance', nodeId: 'app' }, afterDelete)).toEqual({ type: 'fail-instance', nodeId: 'lb' });
  });

  it('drops a component or region failure when nothing is left to fail', () => {
    expect(validWhatIf({ type: 'fail-node', nodeId: 'app' }, [])).toBeNull();
    expect(validWhatIf({ type: 'fail-region', region: 'region-1' }, [cdn])).toBeNull();
  });

  it('moves a region failure to a region that is still in the design', () => {
    expect(validWhatIf({ type: 'fail-region', region: 'region-1' }, [db])).toEqual({ type: 'fail-region', region: 'region-2' });
  });

  it('puts components in regions the way the engine does', () => {
    for (const kind of KINDS) {
      expect(regionOfKind(kind, undefined), kind).toBe(regionOf({ id: 'x', kind }));
      expect(regionOfKind(kind, 'region-2'), kind).toBe(regionOf({ id: 'x', kind, params: { region: 'region-2' } }));
    }
  });

  it('offers only regions regional components are in', () => {
    expect(targetRegions([cdn, db, lb, app])).toEqual(['region-1', 'region-2']);
  });

  it('explains why a cache flush or a slow database cannot apply, and drops them when chosen', () => {
    expect(unavailableReason('cache-flush', stage3)).toBe('No cache in this design');
    expect(unavailableReason('cache-flush', [...stage3, { id: 'c', label: 'Cache', kind: 'cache', region: 'region-1' }])).toBeNull();
    expect(unavailableReason('slow-database', [lb, app])).toBe('No database in this design');
    expect(unavailableReason('slow-database', stage3)).toBeNull();
    expect(unavailableReason('flash-crowd', [])).toBeNull();
    expect(defaultWhatIf('cache-flush', [], stage3)).toBeNull();
    expect(validWhatIf({ type: 'cache-flush' }, stage3)).toBeNull();
  });

  it('names components as their cards do', () => {
    const labelOf = (id: string) => stage3.find((t) => t.id === id)?.label ?? id;
    expect(describeWhatIf({ type: 'fail-node', nodeId: 'app' }, labelOf)).toBe('App servers fails');
    expect(describeWhatIf({ type: 'fail-instance', nodeId: 'db' }, labelOf)).toBe('one instance of Database fails');
  });
});

describe('what-if changes', () => {
  it('writes a change that rounds to nothing as no change, neutral', () => {
    expect(changeOf(-0.001, formatMs(0.001), true)).toEqual({ text: 'no change', worse: null });
    expect(changeOf(-1e-9, '0.000 pts', false)).toEqual({ text: 'no change', worse: null });
    expect(changeOf(0, formatUsd(0), null)).toEqual({ text: 'no change', worse: null });
  });

  it('signs a real change and says whether it is worse', () => {
    expect(changeOf(42.25, formatMs(42.25), true)).toEqual({ text: '+42.3 ms', worse: true });
    expect(changeOf(-42.25, formatMs(42.25), true)).toEqual({ text: '−42.3 ms', worse: false });
    expect(changeOf(-0.004, '0.40 pts', false)).toEqual({ text: '−0.40 pts', worse: true });
    expect(changeOf(120, formatUsd(120), null)).toEqual({ text: '+$120', worse: null });
  });
});
