import { describe, expect, it } from 'vitest';
import { autoscaleSchema, nodeParamsSchema } from '@/lib/design/schema';
import { compile, type Design } from '@/lib/engine/data';
import { checkNumberText, defaultFor, defaultHop, edgeLatencyHelp, groupError, groupWords, helpFor, PARAM_META, selectOptions, type NumberMeta } from './param-meta';

const availability = PARAM_META.availability as NumberMeta;
const check = (text: string) => checkNumberText(text, false, availability, nodeParamsSchema.shape.availability, 'availability');

describe('the inspector’s number fields', () => {
  it('states one range for availability, the inspector’s, whatever is typed', () => {
    // QA typed 1.5, then 0.5, and met the schema's 0–1 and then the inspector's 0.9–1.
    expect(check('1.5')).toEqual({ ok: false, error: 'Availability must be at most 1' });
    expect(check('0.5')).toEqual({ ok: false, error: 'Availability must be at least 0.9' });
    expect(check('-1')).toEqual({ ok: false, error: 'Availability must be at least 0.9' });
    const instances = PARAM_META.instances as NumberMeta;
    expect(checkNumberText('0', false, instances, nodeParamsSchema.shape.instances, 'instances')).toEqual({ ok: false, error: 'Instances must be at least 1' });
    expect(checkNumberText('5000', false, instances, nodeParamsSchema.shape.instances, 'instances')).toEqual({ ok: false, error: 'Instances must be at most 1,000' });
    expect(checkNumberText('2.5', false, instances, nodeParamsSchema.shape.instances, 'instances')).toEqual({ ok: false, error: 'Instances must be a whole number' });
    expect(check('0.999')).toEqual({ ok: true, value: 0.999 });
    expect(check('')).toEqual({ ok: true, value: undefined });
  });

  it('still reports what only the schema knows, in the field’s words', () => {
    const meta: NumberMeta = { type: 'number', label: 'Hit ratio', min: 0, max: 5, step: 0.1, help: '' };
    expect(checkNumberText('2', false, meta, nodeParamsSchema.shape.hitRatio, 'hitRatio')).toEqual({ ok: false, error: 'Hit ratio must be between 0 and 1' });
    expect(checkNumberText('6', false, meta, nodeParamsSchema.shape.hitRatio, 'hitRatio')).toEqual({ ok: false, error: 'Hit ratio must be at most 5' });
  });
});

describe('autoscale’s fields', () => {
  it('says a minimum above the maximum in the fields’ own words', () => {
    expect(groupError('autoscale', 'min', { min: 10, max: 8, target: 0.6 })).toBe('Minimum must be at most the maximum (8)');
    expect(groupError('autoscale', 'max', { min: 3, max: 2, target: 0.6 })).toBe('Maximum must be at least the minimum (3)');
    expect(groupError('autoscale', 'min', { min: 8, max: 8, target: 0.6 })).toBeNull();
    expect(groupError('serviceMs', 'read', { read: 5 })).toBeNull();
  });

  it('turns the schema’s paths into labels, never "Minimum.max"', () => {
    const parsed = autoscaleSchema.safeParse({ min: 10, max: 8, target: 0.6 });
    expect(parsed.success).toBe(false);
    const text = groupWords('autoscale', parsed.error!.issues[0].message);
    expect(text).toBe('Maximum must be at least Minimum');
    expect(groupWords('autoscale', 'autoscale.target must be above 0')).toBe('Target must be above 0');
    expect(groupWords('autoscale', 'autoscale is required')).toBe('Autoscale is required');
  });
});

describe('a connection’s latency help', () => {
  const designs: Design[] = [
    ...Object.values(import.meta.glob<{ default: Design }>('../../content/stages/stage-*.json', { eager: true })).map((m) => m.default),
    {
      schemaVersion: 1,
      nodes: [
        { id: 'u', kind: 'users' },
        { id: 'lb', kind: 'load-balancer', params: { region: 'eu-west' } },
        { id: 'app', kind: 'app-server', params: { region: 'us-east' } },
        { id: 'db', kind: 'database', params: { region: 'us-east' } },
      ],
      edges: [
        { id: 'u-lb', source: 'u', target: 'lb' },
        { id: 'lb-app', source: 'lb', target: 'app' },
        { id: 'app-db', source: 'app', target: 'db' },
      ],
    },
  ];

  it('gives the default the engine uses for every connection of the stage designs and a two-region one', () => {
    let checked = 0;
    for (const design of designs) {
      const net = compile(design);
      const byId = new Map(design.nodes.map((n) => [n.id, n]));
      for (let r = 0; r < net.routeEdge.length; r++) {
        const edge = design.edges[net.routeEdge[r]];
        if (edge.params?.latencyMs !== undefined) continue;
        const [a, b] = [byId.get(edge.source)!, byId.get(edge.target)!];
        const ms = defaultHop({ kind: a.kind, region: a.params?.region }, { kind: b.kind, region: b.params?.region }).ms;
        expect(ms, `${a.kind} → ${b.kind}`).toBe(net.routeHop[r]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  it('says the default of the connection selected, not the inside-a-region one', () => {
    expect(edgeLatencyHelp({ kind: 'users' }, { kind: 'load-balancer' })).toBe(
      'Network time of this hop; blank uses 0 ms (server-side time starts at the entry; the user’s own round trips are in the user-perceived latency).',
    );
    expect(edgeLatencyHelp({ kind: 'users' }, { kind: 'cdn' })).toContain('blank uses 0 ms (server-side time starts at the CDN edge');
    expect(edgeLatencyHelp({ kind: 'cdn' }, { kind: 'object-storage' })).toContain('blank uses 40 ms');
    expect(edgeLatencyHelp({ kind: 'load-balancer' }, { kind: 'app-server' })).toBe('Network time of this hop; blank uses 0.5 ms (both ends are in region-1).');
    expect(edgeLatencyHelp({ kind: 'load-balancer', region: 'eu-west' }, { kind: 'app-server', region: 'us-east' })).toContain('blank uses 80 ms (from eu-west to us-east)');
  });
});

describe('the technology select', () => {
  it('offers Generic first, then the kind\'s technologies by name; kinds without a choice take no technology', () => {
    expect(selectOptions('cache', 'technology')).toEqual([
      { value: '', label: 'Generic' },
      { value: 'redis', label: 'Redis' },
      { value: 'valkey', label: 'Valkey' },
      { value: 'memcached', label: 'Memcached' },
      { value: 'serverless-cache', label: 'Serverless cache' },
    ]);
    expect(selectOptions('database', 'technology').map((o) => o.label)).toEqual(['Generic', 'PostgreSQL', 'MySQL', 'Aurora']);
    // Other selects keep their "Default (…)" first choice.
    expect(selectOptions('load-balancer', 'algorithm')[0]).toEqual({ value: '', label: 'Default (round-robin)' });
  });

  it('explains the chosen technology, and blank fields show its defaults, which the engine uses', () => {
    expect(helpFor('cache', 'technology', 'memcached')).toMatch(/^Multi-threaded/);
    expect(helpFor('cache', 'technology', undefined)).toMatch(/Generic/);
    expect(defaultFor('cache', 'cores')).toBe('1');
    expect(defaultFor('cache', 'cores', undefined, 'memcached')).toBe('2');
    expect(defaultFor('cache', 'availability', undefined, 'serverless-cache')).toBe('0.9999');
    // Aurora's instance price is 20% above RDS's (unverified), as the engine bills it.
    expect(Number(defaultFor('database', 'hourlyUsd', undefined, 'aurora'))).toBeCloseTo(1.2 * Number(defaultFor('database', 'hourlyUsd')), 9);
    const design: Design = { schemaVersion: 1, nodes: [{ id: 'c', kind: 'cache', params: { technology: 'memcached' } }], edges: [] };
    expect(String(compile(design).cores[0])).toBe(defaultFor('cache', 'cores', undefined, 'memcached'));
  });
});

describe('a read replica\'s fields', () => {
  it('show its primary\'s technology\'s replica defaults (Aurora: a twentieth of a write to replay, 20% dearer)', () => {
    expect(defaultFor('read-replica', 'applyFactor')).toBe('0.5');
    expect(defaultFor('read-replica', 'applyFactor', undefined, 'aurora')).toBe('0.05');
    expect(Number(defaultFor('read-replica', 'hourlyUsd', undefined, 'aurora'))).toBeCloseTo(1.2 * Number(defaultFor('read-replica', 'hourlyUsd')), 9);
  });
});
