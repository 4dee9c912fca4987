/**
 * Issue #20's "done": every technology and new kind works in at least one
 * interview problem. Interviews do not restrict the palette (no `allowedKinds`,
 * unlike scenarios), so a candidate may draw any of them; these tests check
 * that the interview's own path — the saved attempt's schema, the target check
 * at the problem's load and the review — takes each one and evaluates it.
 */
import { describe, expect, it } from 'vitest';
import type { Design, DesignNode, NodeParams } from '@/lib/engine/data';
import { parseAttempt, type Attempt } from './attempt';
import { getProblem } from './problems';
import { reviewAttempt } from './scoring';
import { idealAttempt } from './test-helpers';

const problem = (id: string) => getProblem(id)!;

function withNodes(design: Design, pick: (n: DesignNode) => boolean, f: (n: DesignNode) => DesignNode): Design {
  return { ...design, nodes: design.nodes.map((n) => (pick(n) ? f(n) : n)) };
}
const set = (params: NodeParams) => (n: DesignNode): DesignNode => ({ ...n, params: { ...n.params, ...params } });

/** Reviews `design` as the ideal attempt's design, after a save and a load, and returns the review. */
function reviewed(id: string, design: Design) {
  const p = problem(id);
  const attempt: Attempt = { ...idealAttempt(p), design };
  const loaded = parseAttempt(JSON.parse(JSON.stringify(attempt)));
  expect(loaded, 'the attempt does not load back').not.toBeNull();
  expect(loaded!.design).toEqual(design);
  const review = reviewAttempt(p, loaded!);
  expect(review.target.error).toBeNull();
  return review;
}

describe('every technology and new kind in an interview problem', () => {
  it('chat: each load-balancer technology (managed; four HAProxy instances, as the reference runs; eight Envoy, whose four would run at 98% and be a single point of failure) keeps the targets', () => {
    const chat = problem('chat');
    for (const params of [{ technology: 'managed' }, { technology: 'haproxy', instances: 4 }, { technology: 'envoy', instances: 8 }] as NodeParams[]) {
      const design = withNodes(chat.reference.design, (n) => n.kind === 'load-balancer', (n) => {
        const { instances: _i, ...rest } = n.params ?? {};
        return { ...n, params: { ...rest, ...params } };
      });
      const review = reviewed('chat', design);
      const lb = design.nodes.find((n) => n.kind === 'load-balancer')!;
      expect(review.target.evaluation!.nodes[lb.id].arrivalRps.total).toBeGreaterThan(0);
      expect(review.target.evaluation!.nodes[lb.id].spof).toBe(false);
      expect(review.target.passed, `chat with a ${params.technology} load balancer`).toBe(true);
    }
  });

  it('ride-hailing: each api-gateway technology (managed, Envoy) is evaluated on its gateways', () => {
    const p = problem('ride-hailing');
    for (const technology of ['managed', 'envoy']) {
      const design = withNodes(p.reference.design, (n) => n.kind === 'api-gateway', (n) => {
        const { instances: _i, ...rest } = n.params ?? {};
        return { ...n, params: { ...rest, technology, ...(technology === 'envoy' ? { instances: 4 } : {}) } };
      });
      const e = reviewed('ride-hailing', design).target.evaluation!;
      for (const n of design.nodes.filter((x) => x.kind === 'api-gateway')) expect(e.nodes[n.id].arrivalRps.total).toBeGreaterThan(0);
    }
  });

  it('ride-hailing: the trip service as a container cluster with a service mesh, and as a serverless function', () => {
    const p = problem('ride-hailing');
    const trips = (n: DesignNode) => n.kind === 'service' && n.id.endsWith('-trips');
    const cluster = withNodes(p.reference.design, trips, (n) => ({ ...n, kind: 'container-cluster', params: { ...n.params, mesh: true } }));
    const ec = reviewed('ride-hailing', cluster).target.evaluation!;
    const clusterIds = p.reference.design.nodes.filter(trips).map((n) => n.id);
    expect(clusterIds.length).toBeGreaterThan(0);
    for (const id of clusterIds) {
      expect(ec.nodes[id].cluster).toBeDefined();
      expect(ec.nodes[id].mesh?.mtls).toBe(true);
    }
    expect(Math.max(...clusterIds.map((id) => ec.nodes[id].arrivalRps.total))).toBeGreaterThan(0);
    const fn = withNodes(p.reference.design, trips, (n) => ({ ...n, kind: 'serverless', params: { region: n.params?.region, concurrency: 2_000 } }));
    const ef = reviewed('ride-hailing', fn).target.evaluation!;
    for (const id of clusterIds) expect(ef.nodes[id].serverless).toBeDefined();
    expect(Math.max(...clusterIds.map((id) => ef.nodes[id].arrivalRps.total))).toBeGreaterThan(0);
  });

  it('ride-hailing: trip events through Kafka to a stream processor and a warehouse (the surge job), lag and all', () => {
    const p = problem('ride-hailing');
    const base = withNodes(p.reference.design, (n) => n.kind === 'queue', set({ technology: 'kafka', partitions: 1 }));
    const queues = base.nodes.filter((n) => n.kind === 'queue');
    const design: Design = {
      ...base,
      nodes: [
        ...base.nodes,
        ...queues.flatMap((q) => [
          { id: `${q.id}-stream`, kind: 'stream-processor' as const, params: { region: q.params?.region } },
          { id: `${q.id}-wh`, kind: 'warehouse' as const, params: { region: q.params?.region } },
        ]),
      ],
      edges: [
        ...base.edges,
        ...queues.flatMap((q) => [
          { id: `${q.id}-to-stream`, source: q.id, target: `${q.id}-stream` },
          { id: `${q.id}-to-wh`, source: `${q.id}-stream`, target: `${q.id}-wh` },
        ]),
      ],
    };
    const e = reviewed('ride-hailing', design).target.evaluation!;
    for (const q of queues) {
      const s = e.nodes[`${q.id}-stream`].stream!;
      // One partition: one of the processor's slots reads, whatever its size.
      expect(s.upstreamPartitions).toBe(1);
      expect(s.parallelism).toBe(1);
      expect(s.peakEventsPerSecond).toBeGreaterThan(0);
      expect(e.nodes[`${q.id}-wh`].warehouse!.ingestEventsPerSecond).toBeGreaterThan(0);
    }
  });
});
