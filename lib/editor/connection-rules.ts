/**
 * Which connections the capacity model can use (MODEL.md §2), decided from
 * the catalog's `accepts` lists. The canvas asks `checkConnection` while the
 * user drags a wire (to colour the handle and say why not), again before it
 * adds the edge, and the inspector's "Connect to…" list uses
 * `connectableTargets`. Every refusal carries a short reason in plain words.
 */
import { CATALOG, forwardsOf, routesBetween, type Kind, type RequestClass } from '@/lib/engine/data';
import { displayLabel, listClasses } from './labels';
import type { KindNodeData } from './types';

export type ConnectionVerdict = { ok: true } | { ok: false; reason: string };

interface GraphNode {
  id: string;
  data: Pick<KindNodeData, 'kind' | 'label'>;
}
interface GraphEdge {
  source: string;
  target: string;
}
export interface RulesGraph {
  nodes: readonly GraphNode[];
  edges: readonly GraphEdge[];
}

const forwardCache = new Map<Kind, readonly RequestClass[]>();

/**
 * The request classes a node of this kind may send downstream: exactly what
 * the model forwards (users send what users make; a balancer, gateway or
 * limiter passes requests on; a cache and a CDN their misses; an app tier its
 * reads, writes and the jobs its writes give birth to; a primary its reads to
 * replicas; a queue its jobs). A kind that answers everything itself (the
 * single server, a store) sends nothing, so the editor never offers an edge
 * the model would ignore.
 */
export function forwardedClasses(kind: Kind): readonly RequestClass[] {
  const cached = forwardCache.get(kind);
  if (cached) return cached;
  const classes = forwardsOf(kind);
  forwardCache.set(kind, classes);
  return classes;
}

/** Whether a node of this kind gets an outgoing handle. */
export function canSend(kind: Kind): boolean {
  return forwardedClasses(kind).length > 0;
}

/** Whether a node of this kind gets an incoming handle. */
export function canReceive(kind: Kind): boolean {
  return CATALOG[kind].accepts.length > 0;
}

/** Why a node of this kind can take part in no connection at all, or null. */
export function kindRefusal(kind: Kind, role: 'source' | 'target'): string | null {
  const spec = CATALOG[kind];
  if (spec.model === 'none') return `${spec.label} carries no traffic; it only needs to be on the canvas.`;
  if (role === 'target' && kind === 'users') return 'Users only send traffic; nothing can flow into them.';
  if (role === 'target' && !canReceive(kind)) return `${spec.label} accepts no traffic.`;
  if (role === 'source' && !canSend(kind)) return `${spec.label} answers requests itself and sends nothing onward.`;
  return null;
}

/** Nodes from which `to` can be reached, `to` included. O(nodes + edges). */
function ancestorsOf(graph: RulesGraph, to: string): Set<string> {
  const incoming = new Map<string, string[]>();
  for (const e of graph.edges) {
    const list = incoming.get(e.target);
    if (list) list.push(e.source);
    else incoming.set(e.target, [e.source]);
  }
  const seen = new Set([to]);
  const stack = [to];
  while (stack.length) {
    for (const s of incoming.get(stack.pop()!) ?? []) {
      if (!seen.has(s)) {
        seen.add(s);
        stack.push(s);
      }
    }
  }
  return seen;
}

/** A path of node ids from `from` to `to` along edges, or null. */
function pathBetween(graph: RulesGraph, from: string, to: string): string[] | null {
  const out = new Map<string, string[]>();
  for (const e of graph.edges) {
    const list = out.get(e.source);
    if (list) list.push(e.target);
    else out.set(e.source, [e.target]);
  }
  const parent = new Map<string, string>();
  const queue = [from];
  const seen = new Set([from]);
  for (let i = 0; i < queue.length; i++) {
    const v = queue[i];
    if (v === to) {
      const path = [to];
      for (let x = to; x !== from; ) {
        x = parent.get(x)!;
        path.unshift(x);
      }
      return path;
    }
    for (const w of out.get(v) ?? []) {
      if (!seen.has(w)) {
        seen.add(w);
        parent.set(w, v);
        queue.push(w);
      }
    }
  }
  return null;
}

/**
 * Where the pipeline kinds connect (docs/model.md §14.4): a stream processor
 * reads only from a queue (a log) and writes to stores; a warehouse is fed
 * by a pipeline, never from the request path. Decided by the engine's own
 * route table.
 */
function pipelineMismatch(source: Kind, target: Kind): string | null {
  if (target === 'stream-processor' && source !== 'stream-processor' && !routesBetween(source, target)) {
    return `${CATALOG.queue.label}s feed a ${CATALOG['stream-processor'].label.toLowerCase()}: it reads an event stream, so connect it from a queue (a log).`;
  }
  if (target === 'warehouse' && !routesBetween(source, target)) {
    return `A ${CATALOG.warehouse.label.toLowerCase()} is fed by a pipeline: connect it from a stream processor, a queue or a worker, not from ${CATALOG[source].label.toLowerCase()}.`;
  }
  if (source === 'stream-processor' && !routesBetween(source, target)) {
    return `A ${CATALOG['stream-processor'].label.toLowerCase()} writes its results to a data warehouse, a database or a NoSQL store.`;
  }
  return null;
}

function kindMismatch(source: Kind, target: Kind): string | null {
  const sends = forwardedClasses(source);
  const accepts = CATALOG[target].accepts;
  if (sends.some((c) => accepts.includes(c))) return pipelineMismatch(source, target);
  const verb = source === 'users' ? 'send' : 'sends';
  return `${CATALOG[source].label} ${verb} ${listClasses(sends)}; ${CATALOG[target].label} accepts only ${listClasses(accepts)}.`;
}

/**
 * Whether an edge `source → target` is one the model can use, and if not,
 * why. Checks, in order: both ends exist, not a self-loop, the target takes
 * traffic at all (never `users`), the source sends some, their classes meet
 * (catalog `accepts`), not already connected, and no cycle.
 */
export function checkConnection(graph: RulesGraph, source: string, target: string): ConnectionVerdict {
  const from = graph.nodes.find((n) => n.id === source);
  const to = graph.nodes.find((n) => n.id === target);
  if (!from || !to) return { ok: false, reason: 'Connect two components on the canvas.' };
  if (source === target) return { ok: false, reason: 'A component cannot connect to itself.' };
  const targetRefusal = kindRefusal(to.data.kind, 'target');
  if (targetRefusal) return { ok: false, reason: targetRefusal };
  const sourceRefusal = kindRefusal(from.data.kind, 'source');
  if (sourceRefusal) return { ok: false, reason: sourceRefusal };
  const mismatch = kindMismatch(from.data.kind, to.data.kind);
  if (mismatch) return { ok: false, reason: mismatch };
  if (graph.edges.some((e) => e.source === source && e.target === target)) {
    return { ok: false, reason: `${displayLabel(from.data)} already sends to ${displayLabel(to.data)}.` };
  }
  const back = pathBetween(graph, target, source);
  if (back) {
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    const names = [source, ...back].map((id) => displayLabel(byId.get(id)!.data));
    return { ok: false, reason: `That would make a loop (${names.join(' → ')}); traffic must flow one way.` };
  }
  return { ok: true };
}

/**
 * Ids of every node `source` may connect to now, in canvas order. One pass
 * for the ancestors, then a constant-time check per node.
 */
export function connectableTargets(graph: RulesGraph, source: string): string[] {
  const from = graph.nodes.find((n) => n.id === source);
  if (!from || !canSend(from.data.kind) || CATALOG[from.data.kind].model === 'none') return [];
  const blocked = ancestorsOf(graph, source);
  for (const e of graph.edges) if (e.source === source) blocked.add(e.target);
  const out: string[] = [];
  for (const n of graph.nodes) {
    if (blocked.has(n.id) || kindRefusal(n.data.kind, 'target')) continue;
    if (kindMismatch(from.data.kind, n.data.kind)) continue;
    out.push(n.id);
  }
  return out;
}
