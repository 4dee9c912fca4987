/**
 * Geo DNS regions and region-failure checks (MODEL.md §4, §9.3), with the scaled region unit that lets a sweep skip exact passes.
 */
import * as codes from '../compile';
import type { CompiledNetwork } from '../compile';
import * as storesQueues from '../tech-stores-queues';
import type { ResolvedWorkload } from '../types';
import * as statePass from './state';
import type { RunState } from './state';
import * as flowPass from './flow';

// Local copies: imported bindings can be live getters under some module loaders (tsx/CJS),
// which costs a call per use in the hot loops below.
const { MODEL_QUEUE } = codes;
const { TB_DYNAMODB } = storesQueues;
const K_LIMITER = codes.K['rate-limiter'];
const K_DATABASE = codes.K.database;
const K_REPLICA = codes.K['read-replica'];
const K_NOSQL = codes.K.nosql;
const { LAT_NONE, NWORK } = statePass;
const { forward } = flowPass;

const geoDisjointCache = new WeakMap<CompiledNetwork, boolean>();

/**
 * Whether the paths geo DNS sends users down in different regions share no
 * component (each region holds its whole path: entry, compute and data;
 * MODEL.md §9.3). Computed once per compiled network.
 */
export function geoDisjoint(net: CompiledNetwork): boolean {
  const cached = geoDisjointCache.get(net);
  if (cached !== undefined) return cached;
  const owner = new Int32Array(net.n).fill(-1);
  let ok = true;
  for (let v = 0; v < net.n && ok; v++) {
    if (!net.geoDns[v]) continue;
    for (let j = net.outStart[v]; j < net.outStart[v + 1] && ok; j++) {
      const entry = net.outTarget[j];
      const r = net.region[entry];
      if (r < 0) continue;
      const stack = [entry];
      while (stack.length > 0 && ok) {
        const x = stack.pop()!;
        if (owner[x] === r) continue;
        if (owner[x] >= 0 && owner[x] !== r) {
          ok = false;
          break;
        }
        owner[x] = r;
        for (let k = net.outStart[x]; k < net.outStart[x + 1]; k++) stack.push(net.outTarget[k]);
      }
    }
  }
  geoDisjointCache.set(net, ok);
  return ok;
}

const geoRegionsCache = new WeakMap<CompiledNetwork, number[]>();

/** Regions that geo DNS spreads users over (MODEL.md §4). Computed once per compiled network. */
export function geoRegions(net: CompiledNetwork): number[] {
  const cached = geoRegionsCache.get(net);
  if (cached) return cached;
  const regions = findGeoRegions(net);
  geoRegionsCache.set(net, regions);
  return regions;
}

function findGeoRegions(net: CompiledNetwork): number[] {
  const set = new Set<number>();
  for (let v = 0; v < net.n; v++) {
    if (!net.geoDns[v]) continue;
    for (let cls = 0; cls < 3; cls++) {
      const b = v * 4 + cls;
      for (let i = net.routeStart[b]; i < net.routeStart[b + 1]; i++) {
        const r = net.region[net.routeTarget[i]];
        if (r >= 0) set.add(r);
      }
    }
  }
  return [...set].sort((a, b) => a - b);
}

export function userFailed(st: RunState): number {
  let f = st.noEntry[0] + st.noEntry[1] + st.noEntry[2];
  for (let v = 0; v < st.net.n; v++) f += st.failed[v * 4] + st.failed[v * 4 + 1] + st.failed[v * 4 + 2];
  return f;
}

/** Result of failing one region in turn. */
export interface RegionCheck {
  region: string;
  /** Survivors carried the load: no saturation, no extra failed requests. */
  carried: boolean;
  /** The node that saturated first when the region failed, if any. */
  saturatedNodeId: string | null;
}

/**
 * Region-failure passes measured once at one user count, to be scaled to
 * others of the same workload shape (`regionUnit`). While nothing saturates
 * and no rate limiter sheds, a forward pass is linear in users: every rate,
 * utilisation and failed rate is the unit figure times users / `users`.
 */
export interface RegionUnit {
  /** Users of the measured passes. */
  users: number;
  /** Per region (in `geoRegions` order): the largest utilisation any node outside it could reach, per unit of scale. */
  maxLoad: Float64Array;
  /** Per region: failed user requests, rps, at `users`. */
  failed: Float64Array;
}

/**
 * Measures the region-failure passes at `w` for scaling, or returns null when
 * they cannot be scaled exactly: fewer than two geo regions, something
 * already saturated or shedding, a rate limiter with a zero limit, or an
 * autoscaled tier targeting 100% (its utilisation can reach 1 below its
 * maximum). An autoscaled tier's bound is its load on its maximum instances
 * (below that maximum it runs at or under its target).
 */
export function regionUnit(spare: RunState, w: ResolvedWorkload): RegionUnit | null {
  const net = spare.net;
  const regions = geoRegions(net);
  if (regions.length < 2 || !(w.users > 0)) return null;
  const unit: RegionUnit = { users: w.users, maxLoad: new Float64Array(regions.length), failed: new Float64Array(regions.length) };
  for (let i = 0; i < regions.length; i++) {
    const r = regions[i];
    forward(spare, w, r, LAT_NONE);
    let max = 0;
    for (let v = 0; v < net.n; v++) {
      if (net.region[v] === r) continue;
      if (spare.saturated[v]) return null;
      // DynamoDB's partitions follow the load in steps: its throttling does not scale with users.
      if (net.storesQueues.code[v] === TB_DYNAMODB) return null;
      let load = spare.utilization[v];
      const kc = net.kindCode[v];
      if (net.model[v] === MODEL_QUEUE && net.autoscaled[v] && kc !== K_DATABASE && kc !== K_REPLICA && kc !== K_NOSQL) {
        if (net.autoscaleTarget[v] >= 1) return null;
        let totalWork = 0;
        for (let c = 0; c < NWORK; c++) totalWork += spare.work[v * NWORK + c];
        load = Math.max(load, totalWork / (net.autoscaleMax[v] * net.cores[v] * 1000));
      }
      if (kc === K_LIMITER && net.limitRps[v] >= 0) {
        const b = v * 4;
        const through = spare.processed[b] + spare.processed[b + 1] + spare.processed[b + 2] + spare.processed[b + 3];
        if (spare.shedFrac[v] > 0 || (net.limitRps[v] === 0 && through > 0)) return null;
        if (through > 0) load = Math.max(load, through / net.limitRps[v]);
      }
      if (load > max) max = load;
    }
    unit.maxLoad[i] = max;
    unit.failed[i] = userFailed(spare);
  }
  return unit;
}

