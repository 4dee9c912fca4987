/**
 * fast-check arbitraries for the engine's property tests: random valid
 * designs whose edges all point forward in node order, so every design is a
 * DAG (MODEL.md §2), with random catalog parameters and technologies.
 */
import fc from 'fast-check';
import { CATALOG } from './catalog';
import { KINDS, type Kind } from '../design/kinds';
import { technologiesOf, technologyWithoutParams } from './technologies';
import type { Design, DesignEdge, DesignNode, NodeParams } from './types';

const TRAFFIC_KINDS = KINDS.filter((k) => k !== 'users');

export interface DesignOptions {
  maxNodes?: number;
  /** Allow autoscale params (utilisation is then not monotone in users by design). */
  autoscale?: boolean;
}

function paramsArb(autoscale: boolean): fc.Arbitrary<NodeParams> {
  return fc.record(
    {
      instances: fc.integer({ min: 1, max: 6 }),
      size: fc.constantFrom('small', 'medium', 'large', 'xlarge' as const),
      cores: fc.integer({ min: 1, max: 8 }),
      serviceMs: fc.record({ static: fc.double({ min: 0, max: 20, noNaN: true }), read: fc.double({ min: 0, max: 50, noNaN: true }), write: fc.double({ min: 0, max: 80, noNaN: true }) }, { requiredKeys: [] }),
      hitRatio: fc.double({ min: 0, max: 1, noNaN: true }),
      latencyMs: fc.double({ min: 0, max: 30, noNaN: true }),
      availability: fc.double({ min: 0.9, max: 1, noNaN: true }),
      shards: fc.integer({ min: 1, max: 6 }),
      shardSkew: fc.double({ min: 0, max: 2, noNaN: true }),
      standby: fc.boolean(),
      applyFactor: fc.double({ min: 0, max: 1, noNaN: true }),
      replicationFactor: fc.integer({ min: 1, max: 5 }),
      limitRps: fc.double({ min: 0, max: 100_000, noNaN: true }),
      ...(autoscale ? { autoscale: fc.record({ min: fc.integer({ min: 1, max: 3 }), max: fc.integer({ min: 3, max: 20 }), target: fc.double({ min: 0.3, max: 1, noNaN: true }) }) } : {}),
      stateless: fc.boolean(),
      region: fc.constantFrom('region-1', 'region-2'),
      algorithm: fc.constantFrom('round-robin', 'random', 'least-connections' as const),
      routing: fc.constantFrom('simple', 'geo' as const),
      // A pick among the kind's technologies (or generic), resolved per kind in `designArb`.
      technology: fc.nat({ max: 15 }).map(String),
    },
    { requiredKeys: [] },
  ) as fc.Arbitrary<NodeParams>;
}

/** A random valid design: users first, then up to `maxNodes` components, forward edges only. */
export function designArb(options: DesignOptions = {}): fc.Arbitrary<Design> {
  const maxNodes = options.maxNodes ?? 10;
  return fc
    .record({
      kinds: fc.array(fc.constantFrom<Kind>(...TRAFFIC_KINDS), { minLength: 1, maxLength: maxNodes }),
      users: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 100_000_000 })),
      seedEdges: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.option(fc.double({ min: 0, max: 1.5, noNaN: true }), { nil: undefined })), { maxLength: 40 }),
      params: fc.array(fc.option(paramsArb(options.autoscale ?? false), { nil: undefined }), { minLength: maxNodes, maxLength: maxNodes }),
    })
    .map(({ kinds, users, seedEdges, params }) => {
      const nodes: DesignNode[] = [{ id: 'users', kind: 'users' }];
      kinds.forEach((kind, i) => {
        const node: DesignNode = { id: `n${i}`, kind };
        // Only the params that apply to the kind (others are refused in new designs, MODEL.md §9.5).
        const p = params[i];
        if (p) {
          const allowed = new Set<string>(CATALOG[kind].params as readonly string[]);
          if (technologiesOf(kind).length > 0) allowed.add('technology');
          const kept = Object.fromEntries(Object.entries(p).filter(([k]) => allowed.has(k))) as NodeParams;
          if (kept.technology !== undefined) {
            const choices = technologiesOf(kind);
            const pick = Number(kept.technology) % (choices.length + 1);
            if (pick < choices.length) kept.technology = choices[pick];
            else delete kept.technology;
            // A managed technology takes none of its kind's node params (instances, sizes: docs/model.md §14.2).
            for (const key of technologyWithoutParams(kind, kept.technology)) delete kept[key];
          }
          if (Object.keys(kept).length > 0) node.params = kept;
        }
        nodes.push(node);
      });
      const edges: DesignEdge[] = [];
      const seen = new Set<string>();
      // Users reach the first component, so most designs carry traffic.
      edges.push({ id: 'e-first', source: 'users', target: 'n0' });
      seen.add('0-1');
      for (const [a, b, share] of seedEdges) {
        const i = a % nodes.length;
        const j = b % nodes.length;
        if (i === j) continue;
        const s = Math.min(i, j);
        const t = Math.max(i, j);
        if (t === 0 || seen.has(`${s}-${t}`)) continue;
        seen.add(`${s}-${t}`);
        const edge: DesignEdge = { id: `e${edges.length}`, source: nodes[s].id, target: nodes[t].id };
        if (share !== undefined) edge.params = { share };
        edges.push(edge);
      }
      return { schemaVersion: 1 as const, workload: { users }, nodes, edges };
    });
}
