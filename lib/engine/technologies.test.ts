import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { paramsOfNode, parseDesign } from '../design/schema';
import { REFERENCE_DESIGNS } from '../learn/reference-designs';
import { CATALOG } from './catalog';
import { compareTechnologies } from './compare-technologies';
import { InvalidDesignError } from './compile';
import { evaluate } from './evaluate';
import type { Evaluation } from './evaluation';
import { KINDS } from '../design/kinds';
import { TECHNOLOGIES, TECHNOLOGY_SPECS, technologiesOf, technologySpec } from './technologies';
import type { Design } from './types';

/** The figures a learner sees, in a fixed shape (fields other helpers may add later are left out). */
function figures(e: Evaluation) {
  return {
    nodes: Object.entries(e.nodes).map(([id, r]) => [id, r.arrivalRps, r.servedRps, r.utilization, r.responseMs, r.availability, r.spof, r.instances, r.cores, r.monthlyCostUsd, r.storageIo ?? null]),
    endToEnd: [e.endToEnd.latencyMs.static, e.endToEnd.latencyMs.read, e.endToEnd.latencyMs.write, e.endToEnd.availability, e.endToEnd.errorRate, e.endToEnd.monthlyCostUsd],
    cost: e.cost.lines,
    findings: e.findings.map((f) => [f.code, f.nodeId, f.message]),
    stages: (e.stages ?? []).map((s) => [s.stage, s.passed, s.score, s.checks.map((c) => [c.id, c.passed, c.value])]),
  };
}
const hash = (x: unknown) => createHash('sha256').update(JSON.stringify(x)).digest('hex').slice(0, 24);

/**
 * `figures` of each stage reference design, hashed, as the engine before
 * technologies computed them (main at a6c8bb5, measured with the same
 * projection): a design without a technology must evaluate bit for bit as before.
 */
const BEFORE: Record<number, string> = {
  1: '3310aa8c18d09ccaab490cae',
  2: '63264887c40f2e5e6bea39d4',
  3: 'ad4477d0a62febd43b671917',
  4: '17269d0b55d902ffe0c8160c',
  5: 'd94d8cdbf51224000a59cbb0',
  6: '7ba1692d5576db01f75972ae',
  7: 'b3cbee101744e278fb3f33e0',
  8: '6d0b09893de3267ae7d66b0c',
};

const withTech = (design: Design, pick: Partial<Record<string, string>>): Design => ({
  ...design,
  nodes: design.nodes.map((n) => (pick[n.kind] ? { ...n, params: { ...n.params, technology: pick[n.kind] } } : n)),
});

describe('technologies: old designs are unchanged', () => {
  it.each(REFERENCE_DESIGNS.map((r) => [r.stage, r.design] as const))('stage %i reference design evaluates bit for bit as before technologies', (stage, design) => {
    expect(hash(figures(evaluate(design)))).toBe(BEFORE[stage]);
  });

  it('Redis caches and PostgreSQL databases are what the generic ones already model (same figures, every stage)', () => {
    for (const r of REFERENCE_DESIGNS) {
      const named = withTech(r.design, { cache: 'redis', database: 'postgresql' });
      expect(figures(evaluate(named, undefined, { stages: false }))).toEqual(figures(evaluate(r.design, undefined, { stages: false })));
    }
  });
});

describe('technologies: the registry', () => {
  it('lists every technology of the six kinds, each with a label and a description', () => {
    for (const [kind, ids] of Object.entries(TECHNOLOGIES)) {
      for (const id of ids) {
        const spec = technologySpec(kind as keyof typeof TECHNOLOGIES, id);
        expect(spec?.label.length).toBeGreaterThan(1);
        expect(spec?.description.length).toBeGreaterThan(20);
        expect(paramsOfNode(kind as keyof typeof TECHNOLOGIES)).toContain('technology');
      }
    }
    expect(Object.keys(TECHNOLOGY_SPECS)).toHaveLength(Object.values(TECHNOLOGIES).flat().length);
  });

  it('only the six kinds take a technology; the rest have no choice', () => {
    for (const kind of KINDS) {
      expect(paramsOfNode(kind).includes('technology')).toBe(technologiesOf(kind).length > 0);
      // The catalog's list names a kind's settings in refusals; the technology is not one of them.
      expect(CATALOG[kind].params).not.toContain('technology');
    }
    expect(technologiesOf('app-server')).toEqual([]);
  });

  it('every override a technology makes cites a source', () => {
    for (const spec of Object.values(TECHNOLOGY_SPECS)) {
      for (const d of [spec.defaults, spec.replicaDefaults ?? {}, ...(spec.replication ? [spec.replication] : [])]) {
        for (const [key, entry] of Object.entries(d)) expect((entry as { source: string }).source, `${spec.kind}:${spec.id} ${key}`).toMatch(/SOURCES\.md|MODEL\.md|unverified|calibrated|issue #20/);
      }
    }
  });
});

describe('technologies: bad input is refused with the allowed choices', () => {
  const doc = (kind: string, technology: unknown) => ({
    schemaVersion: 1,
    nodes: [{ id: 'a', kind, params: { technology } }],
    edges: [],
  });

  it('a technology of another kind names the kind\'s choices', () => {
    const r = parseDesign(doc('cache', 'kafka'), { newDesign: true });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues).toEqual([
        {
          path: 'nodes[0].params.technology',
          message: 'technology "kafka" does not fit a cache; choose redis, valkey, memcached or serverless-cache, or leave it out for generic',
        },
      ]);
  });

  it('a saved design with a wrong technology is refused too (it never loaded before)', () => {
    const r = parseDesign(doc('database', 'mongodb'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0].message).toBe('technology "mongodb" does not fit a database; choose postgresql, mysql or aurora, or leave it out for generic');
  });

  it('a kind without choices refuses a technology as a param it does not take', () => {
    const r = parseDesign(doc('app-server', 'redis'), { newDesign: true });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0].message).toMatch(/^nodes\[0\]\.params\.technology does not apply to an app-server; an app-server takes: /);
  });

  it('the engine itself refuses a technology that does not fit, naming the choices', () => {
    const design = { schemaVersion: 1, nodes: [{ id: 'q', kind: 'queue', params: { technology: 'redis' } }], edges: [] } as Design;
    expect(() => evaluate(design)).toThrow(InvalidDesignError);
    expect(() => evaluate(design)).toThrow('technology "redis" does not fit a queue; choose sqs, rabbitmq or kafka, or leave it out for generic');
  });

  it('a fitting technology is accepted', () => {
    expect(parseDesign(doc('cache', 'memcached'), { newDesign: true }).ok).toBe(true);
  });
});

describe('compareTechnologies', () => {
  const stage5 = REFERENCE_DESIGNS.find((r) => r.stage === 5)!.design;
  const cacheId = stage5.nodes.find((n) => n.kind === 'cache')!.id;

  it('evaluates generic and every cache technology side by side without changing the design', () => {
    const before = JSON.stringify(stage5);
    const rows = compareTechnologies(stage5, cacheId);
    expect(JSON.stringify(stage5)).toBe(before);
    expect(rows.map((r) => r.technology)).toEqual(['generic', 'redis', 'valkey', 'memcached', 'serverless-cache']);
    expect(rows.map((r) => r.label)).toEqual(['Generic', 'Redis', 'Valkey', 'Memcached', 'Serverless cache']);
    expect(rows[0].current).toBe(true);
    // Redis is the generic cache: the same figures.
    expect(rows[1].monthlyUsd).toBe(rows[0].monthlyUsd);
    expect(rows[1].capacityRps).toBe(rows[0].capacityRps);
    // The generic figures are the design's own evaluation.
    const e = evaluate(stage5, undefined, { stages: false });
    expect(rows[0].monthlyUsd).toBe(e.endToEnd.monthlyCostUsd);
    expect(rows[0].p95ReadMs).toBe(e.endToEnd.latencyMs.read.p95);
  });

  it('returns nothing for a kind without a choice', () => {
    const app = stage5.nodes.find((n) => n.kind === 'app-server')!.id;
    expect(compareTechnologies(stage5, app)).toEqual([]);
  });
});

describe('technologies: read replicas', () => {
  it('a replica names no technology of its own: the engine says to set it on the database', () => {
    const design = {
      schemaVersion: 1,
      nodes: [
        { id: 'db', kind: 'database' },
        { id: 'r', kind: 'read-replica', params: { technology: 'aurora' } },
      ],
      edges: [{ id: 'e', source: 'db', target: 'r' }],
    } as Design;
    expect(() => evaluate(design)).toThrow("technology \"aurora\" does not fit a read-replica: it follows its primary's technology; set it on the database");
  });
});
