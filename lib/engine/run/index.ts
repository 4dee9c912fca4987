/**
 * One evaluation of a compiled network at one workload: propagation
 * (MODEL.md §2) in one topological pass, queueing per station (§3),
 * availability (§4) and cost (§5), all into typed arrays that are allocated
 * once per compiled network and reused by every run (stages, sweep points,
 * region-failure checks).
 */
import type { ResolvedWorkload } from '../types';
import * as statePass from './state';
import type { RunState } from './state';
import * as flowPass from './flow';
import * as storagePass from './storage';
import * as availabilityPass from './availability';
import * as latencyPass from './latency';
import * as costPass from './cost';
import * as regionsPass from './regions';
import type { RegionCheck, RegionUnit } from './regions';

// The run's passes, one module per concern; `./run` is their one door for the rest of the engine.
export * from './state';
export { fitWait, forward, type WaitFit } from './flow';
export { placeAndStore } from './storage';
export { deployDowntime, kOfN, repairHours } from './availability';
export { backward, compressMixture, groupsOf } from './latency';
export { geoDisjoint, geoRegions, regionUnit, userFailed, type RegionCheck, type RegionUnit } from './regions';

// Local copies: imported bindings can be live getters under some module loaders (tsx/CJS),
// which costs a call per use in the hot loops below.
const { LAT_NONE } = statePass;
const { forward } = flowPass;
const { placeData, queueBacklogs, storageIo } = storagePass;
const { availability } = availabilityPass;
const { backward } = latencyPass;
const { costs } = costPass;
const { geoRegions, userFailed } = regionsPass;

/** Guard band around a scaled comparison: closer than this to its limit, the exact pass decides. */
const SCALE_GUARD = 1e-9;

/**
 * A complete run: forward pass, region-failure checks (only when geo DNS
 * spans two or more regions; each re-runs the forward pass alone, unless
 * `unit` lets it be scaled), data, backlog, availability, backward pass and
 * cost.
 */
export function run(st: RunState, w: ResolvedWorkload, latMask: number, spare: RunState | null, unit: RegionUnit | null = null): RegionCheck[] {
  const net = st.net;
  forward(st, w, -1, latMask);
  const regions = geoRegions(net);
  const checks: RegionCheck[] = [];
  st.regionCount = Math.max(1, regions.length);
  st.regionsParallel = false;
  if (regions.length >= 2 && spare) {
    const baseline = userFailed(st);
    const tolerance = 1e-9 * Math.max(1, st.offered.total);
    const scale = unit ? w.users / unit.users : 0;
    let all = true;
    for (let i = 0; i < regions.length; i++) {
      const r = regions[i];
      if (unit && scale * unit.maxLoad[i] < 1 - SCALE_GUARD) {
        // Nothing saturates or sheds: the pass is the measured one, scaled.
        const failed = scale * unit.failed[i];
        const limit = baseline + tolerance;
        if (Math.abs(failed - limit) > SCALE_GUARD * Math.max(1, limit)) {
          const carried = failed <= limit;
          if (!carried) all = false;
          checks.push({ region: net.regions[r], carried, saturatedNodeId: null });
          continue;
        }
      }
      forward(spare, w, r, LAT_NONE);
      let satNode = -1;
      for (let v = 0; v < net.n; v++) {
        if (spare.saturated[v] && net.region[v] !== r) {
          if (satNode < 0 || spare.utilization[v] > spare.utilization[satNode]) satNode = v;
        }
      }
      const carried = satNode < 0 && userFailed(spare) <= baseline + tolerance;
      if (!carried) all = false;
      checks.push({ region: net.regions[r], carried, saturatedNodeId: satNode >= 0 ? net.ids[satNode] : null });
    }
    st.regionsParallel = all;
  }
  placeData(st);
  storageIo(st);
  queueBacklogs(st);
  availability(st);
  backward(st, latMask);
  costs(st, spare);
  return checks;
}
