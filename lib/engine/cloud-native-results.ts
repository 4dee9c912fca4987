/**
 * What the cloud-native kinds add to an evaluation (docs/model.md §14.3):
 * per-node reports (a serverless function's environments, cold starts and
 * concurrency; a cluster's pods and nodes; a sidecar's mTLS), the time they
 * need to meet a flash crowd, and findings that say it in numbers.
 * Works on finished runs; the flash crowd is one extra forward pass, made
 * only for designs that have a serverless function or an autoscaled cluster.
 */
import { CLUSTER, MESH, SERVERLESS, clusterNodes, clusterRamp, environmentsFor, serverlessCapacityRps, serverlessMonthlyUsd, serverlessRamp, type RampResult } from './cloud-native';
import * as codes from './compile';
import type { Finding } from './evaluation';
import { formatInteger, formatMs, formatPercent, formatUsd } from '../shared/format';
import { HOURLY_PRICES, HOURS_PER_MONTH, USAGE_PRICES } from './prices';
import { forward, LAT_NONE, NWORK, type RunState } from './run';
import type { ResolvedWorkload } from './types';

const K_SERVERLESS = codes.K.serverless;
const K_CLUSTER = codes.K['container-cluster'];

/** A component meeting a flash crowd: how long it takes to scale and what it loses meanwhile. */
export interface FlashRampReport {
  /** The crowd's traffic as a multiple of the peak (workload.flashFactor). */
  flashFactor: number;
  /** Seconds until it has the capacity the crowd needs (or its ceiling). */
  rampSeconds: number;
  /** Share of the crowd's requests at this component lost while it scales (beyond any steady overload). */
  lostShare: number;
}

export interface ServerlessReport {
  concurrencyLimit: number;
  /** Environments busy at peak (rate × duration, at most 10 invocations a second each). */
  environmentsAtPeak: number;
  /** Most invocations a second it serves: concurrency × min(10, 1000 / duration). */
  maxRps: number;
  /** Share of invocations that start cold, and what a cold start adds. */
  coldStartShare: number;
  initMs: number;
  /** True when more than 1 % start cold, so the p99 includes the init time. */
  coldStartsInP99: boolean;
  memoryMB: number;
  flash: FlashRampReport | null;
}

export interface ClusterReport {
  pods: number;
  podsPerNode: number;
  /** Nodes to hold the peak's pods. */
  nodes: number;
  /** Nodes billed (the average hour's pods), and the control-plane fee, per month. */
  averageNodes: number;
  controlPlaneUsd: number;
  flash: FlashRampReport | null;
}

/** A sidecar proxy (service mesh) on a node: calls to and from it are mutually authenticated and encrypted. */
export interface MeshReport {
  mtls: true;
  /** Latency one proxy adds to each hop through it, ms, and its CPU per request, ms. */
  proxyMs: number;
  proxyCpuMs: number;
}

export interface CloudNativeNodeReport {
  serverless?: ServerlessReport;
  cluster?: ClusterReport;
  mesh?: MeshReport;
}

/** Whether a compiled design has anything this file reports on (cheap, per evaluation). */
function hasCloudNative(st: RunState): boolean {
  const net = st.net;
  for (let v = 0; v < net.n; v++) if (net.kindCode[v] === K_SERVERLESS || net.kindCode[v] === K_CLUSTER || net.mesh[v]) return true;
  return false;
}

function userRate(st: RunState, v: number): number {
  const b = v * 4;
  return st.arrival[b] + st.arrival[b + 1] + st.arrival[b + 2];
}

/**
 * The ramps of the serverless functions and autoscaled clusters of `peak`
 * (a finished run at the workload's peak) meeting `flash` (a forward pass at
 * flashFactor × the users). By node index.
 */
export function flashRamps(peak: RunState, flash: RunState): Map<number, RampResult> {
  const net = peak.net;
  const out = new Map<number, RampResult>();
  for (let v = 0; v < net.n; v++) {
    const kc = net.kindCode[v];
    if (kc === K_SERVERLESS) {
      const b = v * 4;
      const before = peak.processed[b] + peak.processed[b + 1] + peak.processed[b + 2];
      out.set(v, serverlessRamp(before, userRate(flash, v), net.latencyMs[v], net.concurrency[v]));
    } else if (kc === K_CLUSTER && net.autoscaled[v]) {
      let work = 0;
      for (let c = 0; c < NWORK; c++) work += flash.work[v * NWORK + c];
      const need = work / (net.cores[v] * 1000);
      out.set(v, clusterRamp(Math.max(1, peak.instances[v]), need, net.autoscaleMax[v], net.podsPerNode[v]));
    }
  }
  return out;
}

/**
 * Share of a flash crowd's user requests lost while serverless functions and
 * clusters scale up to it (added to the flash crowd's error rate, MODEL.md §9.5).
 * `flash` holds the forward pass at the crowd's load.
 */
export function flashRampLoss(peak: RunState, flash: RunState): number {
  if (!hasCloudNative(peak)) return 0;
  const offered = flash.offered.total;
  if (!(offered > 0)) return 0;
  let lost = 0;
  for (const [v, r] of flashRamps(peak, flash)) lost += r.lostShare * userRate(flash, v);
  return Math.min(1, lost / offered);
}

export interface CloudNativeReports {
  nodes: Map<number, CloudNativeNodeReport>;
  findings: Finding[];
}

/**
 * Per-node reports and findings for a finished run `st` at workload `w`;
 * `spare` takes the flash crowd's forward pass. Null when the design has no
 * cloud-native component.
 */
export function cloudNativeReports(st: RunState, spare: RunState, w: ResolvedWorkload): CloudNativeReports | null {
  if (!hasCloudNative(st)) return null;
  const net = st.net;
  const ff = Math.max(1, w.flashFactor);
  let ramps = new Map<number, RampResult>();
  let needsFlash = false;
  for (let v = 0; v < net.n; v++) if (net.kindCode[v] === K_SERVERLESS || (net.kindCode[v] === K_CLUSTER && net.autoscaled[v])) needsFlash = true;
  if (needsFlash && ff > 1) {
    forward(spare, { ...w, users: w.users * ff }, -1, LAT_NONE);
    ramps = flashRamps(st, spare);
  }
  const nodes = new Map<number, CloudNativeNodeReport>();
  const findings: Finding[] = [];
  const flashOf = (v: number): FlashRampReport | null => {
    const r = ramps.get(v);
    return r ? { flashFactor: ff, rampSeconds: r.rampSeconds, lostShare: r.lostShare } : null;
  };
  for (let v = 0; v < net.n; v++) {
    const kc = net.kindCode[v];
    const id = net.ids[v];
    const name = net.labels[v];
    const report: CloudNativeNodeReport = {};
    if (net.mesh[v]) report.mesh = { mtls: true, proxyMs: MESH.proxyMs.value, proxyCpuMs: MESH.proxyCpuMs.value };
    if (kc === K_SERVERLESS) {
      const b = v * 4;
      const lat = net.latencyMs[v];
      const served = st.processed[b] + st.processed[b + 1] + st.processed[b + 2];
      const offered = userRate(st, v);
      const cold = st.coldShare[v];
      const limit = net.concurrency[v];
      const s: ServerlessReport = {
        concurrencyLimit: limit,
        environmentsAtPeak: environmentsFor(served, lat),
        maxRps: serverlessCapacityRps(limit, lat),
        coldStartShare: cold,
        initMs: net.initMs[v],
        coldStartsInP99: cold > 0.01,
        memoryMB: net.memoryMB[v],
        flash: flashOf(v),
      };
      report.serverless = s;
      if (offered > s.maxRps * (1 + 1e-9)) {
        const need = environmentsFor(offered, lat);
        findings.push({
          severity: 'error',
          code: 'serverless-throttled',
          nodeId: id,
          message: `${name} is asked for ${formatInteger(offered)} invocations/s at peak, which needs ${formatInteger(need)} environments (each runs one invocation at a time and at most ${SERVERLESS.rpsPerConcurrency.value} a second), but its concurrency limit is ${formatInteger(limit)}: ${formatPercent(1 - s.maxRps / offered, 1)} are throttled. Raise the limit (AWS starts accounts at 1,000 per region).`,
          lessonId: 'guide-bottlenecks',
        });
      }
      if (s.coldStartsInP99 && offered > 0) {
        findings.push({
          severity: 'warning',
          code: 'serverless-cold-starts',
          nodeId: id,
          message: `${formatPercent(cold, 1)} of ${name}'s invocations start cold (more than 1 %, so the p99 includes them): at ${(served / w.peakFactor * 3600).toFixed(0)} calls an hour on average its environments go idle between calls, and each cold start adds ${formatMs(net.initMs[v])} to the warm ${formatMs(lat)}. A smaller package starts faster; provisioned concurrency keeps environments warm for a fee.`,
          lessonId: 'guide-latency',
        });
      }
      if (s.flash && s.flash.lostShare > 0.001) {
        findings.push({
          severity: 'warning',
          code: 'serverless-flash-ramp',
          nodeId: id,
          message: `In a flash crowd (${ff}× the peak) ${name} must grow to ${formatInteger(Math.min(limit, environmentsFor(userRate(spare, v), lat)))} environments; it adds ${formatInteger(SERVERLESS.scaleEnvironmentsPerSecond.value * 10)} every 10 s, so it takes ${s.flash.rampSeconds.toFixed(0)} s and turns away ${formatPercent(s.flash.lostShare, 1)} of the crowd's invocations meanwhile.`,
          lessonId: 'guide-rate-limiting',
        });
      }
      // What the same money buys always-on: one app-server instance a month.
      const server = HOURLY_PRICES['ec2-m6g.large'].usdPerHour * HOURS_PER_MONTH;
      const perCall = serverlessMonthlyUsd(1, lat, net.memoryMB[v], USAGE_PRICES.lambdaPerMillionRequestsUsd.value, USAGE_PRICES.lambdaGBSecondUsd.value);
      const breakEvenRps = server / perCall / (HOURS_PER_MONTH * 3600);
      if (served > 0) {
        const avg = served / w.peakFactor;
        findings.push({
          severity: 'info',
          code: 'serverless-cost',
          nodeId: id,
          message: `${name} costs ${formatUsd(st.componentCostUsd[v])} a month at ${avg.toFixed(avg < 10 ? 2 : 0)} invocations/s on average ($${(perCall * 1e6).toFixed(2)} per million at ${formatInteger(net.memoryMB[v])} MB × ${formatMs(lat)}). One always-on m6g.large costs ${formatUsd(server)}: the function is the cheaper way to run this code below about ${breakEvenRps.toFixed(0)} invocations/s on average per server it replaces.`,
          lessonId: 'guide-cost',
        });
      }
    } else if (kc === K_CLUSTER) {
      const ppn = net.podsPerNode[v];
      const c: ClusterReport = {
        pods: st.instances[v],
        podsPerNode: ppn,
        nodes: clusterNodes(st.instances[v], ppn),
        averageNodes: clusterNodes(st.avgInstances[v], ppn),
        controlPlaneUsd: USAGE_PRICES.k8sControlPlaneHourUsd.value * HOURS_PER_MONTH,
        flash: flashOf(v),
      };
      report.cluster = c;
      if (c.flash && c.flash.lostShare > 0.001) {
        const reaction = CLUSTER.metricsLagSeconds.value + CLUSTER.hpaSyncSeconds.value;
        findings.push({
          severity: 'warning',
          code: 'cluster-flash-ramp',
          nodeId: id,
          message: `In a flash crowd (${ff}× the peak) ${name}'s autoscaler notices after about ${reaction} s and at most doubles the pods each minute (new nodes take ${CLUSTER.nodeProvisionSeconds.value} s more): it takes ${c.flash.rampSeconds.toFixed(0)} s to go from ${formatInteger(c.pods)} pods, and ${formatPercent(c.flash.lostShare, 1)} of the crowd's requests at it fail meanwhile. Keep more pods running (a higher autoscale minimum) or shed the crowd with a rate limiter.`,
          lessonId: 'guide-rate-limiting',
        });
      }
    }
    if (report.serverless || report.cluster || report.mesh) nodes.set(v, report);
  }
  return { nodes, findings };
}
