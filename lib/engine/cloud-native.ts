/**
 * Cloud-native components (docs/model.md §14.3): the serverless function
 * (Lambda-style), the container cluster (Kubernetes-style) and the service
 * mesh sidecar. The figures and the arithmetic live here; compile.ts and
 * run/ call in at a few hooks, so the per-kind rules stay in one place.
 *
 * Every figure cites /work/shared/SOURCES.md (section and source), or says
 * "unverified" where no primary source was found, as catalog.ts does.
 */
import type { Sourced } from './catalog';

/** Serverless function figures (SOURCES.md §13, AWS Lambda). */
export const SERVERLESS = {
  concurrency: {
    value: 1_000,
    source: 'SOURCES.md §13: default 1,000 concurrent executions per region, raisable to tens of thousands (Lambda developer guide gettingstarted-limits.md)',
  },
  rpsPerConcurrency: {
    value: 10,
    source: 'SOURCES.md §13: max RPS = 10 × concurrency (Lambda developer guide urls-configuration.md, troubleshooting-invocation.md)',
  },
  scaleEnvironmentsPerSecond: {
    value: 100,
    source: 'SOURCES.md §13: scaling adds 1,000 execution environments every 10 s per function (Lambda docs "Lambda scaling behavior", since Nov 2023)',
  },
  coldShareFloor: {
    value: 0.005,
    source: 'SOURCES.md §13: "cold starts typically occur in under 1 % of invocations" (AWS Lambda Operator Guide); 0.5 % taken for a busy function (calibrated)',
  },
  idleSeconds: {
    value: 600,
    source: 'unverified: AWS does not publish how long an idle environment is kept; commonly reported 5–15 min, 10 min taken',
  },
  memoryMB: {
    value: 512,
    source: 'calibrated: an API function with a typical SDK bundle; billed per GB-second (SOURCES.md §9 Lambda prices)',
  },
  initMs: {
    value: 180,
    source: 'SOURCES.md §13: Node 18 cold start 171–185 ms for a package ≤ 512 KB; 280 ms at 4 MB, 649 ms at 16 MB, 1,277 ms at 32 MB, 3,110 ms at 64 MB (adriantanasa gist, 2023)',
  },
} as const satisfies Record<string, Sourced<number>>;

/** Container cluster (Kubernetes) autoscaling figures (SOURCES.md §13). */
export const CLUSTER = {
  hpaSyncSeconds: { value: 15, source: 'SOURCES.md §13: HPA controller sync every 15 s (--horizontal-pod-autoscaler-sync-period)' },
  metricsLagSeconds: {
    value: 15,
    source: 'unverified: metrics-server scrape resolution (SOURCES.md §13 says the metric lag is not verified); 15 s taken',
  },
  scaleUpPeriodSeconds: { value: 60, source: 'SOURCES.md §13: default scale-up policy max(4 pods, 100 %) per 60 s, no stabilization window' },
  scaleUpPods: { value: 4, source: 'SOURCES.md §13: default scale-up policy adds at least 4 pods per period' },
  scaleUpFactor: { value: 2, source: 'SOURCES.md §13: default scale-up policy adds up to 100 % per period (doubles)' },
  podStartSeconds: { value: 10, source: 'unverified: a pod with its image cached starts and passes readiness in about 10 s' },
  nodeProvisionSeconds: {
    value: 90,
    source: 'unverified: a new node (EC2 launch, kubelet join) takes about 1–2 min before pods can be placed on it; 90 s taken',
  },
} as const satisfies Record<string, Sourced<number>>;

/** Sidecar proxy of a service mesh (Envoy in Istio). */
export const MESH = {
  proxyMs: {
    value: 1.325,
    source:
      'Istio 1.12–1.16 "Performance and Scalability" (istio.io): the Envoy proxies add 2.65 ms to the 90th percentile of a service-to-service call through 2 proxies, 1.325 ms per proxy; not in SOURCES.md (SOURCES.md: Envoy unverified)',
  },
  proxyCpuMs: {
    value: 0.35,
    source: 'Istio 1.12–1.16 "Performance and Scalability" (istio.io): the Envoy proxy uses 0.35 vCPU per 1,000 requests/s through it = 0.35 ms of CPU per request; not in SOURCES.md',
  },
} as const satisfies Record<string, Sourced<number>>;

/** How long a flash crowd lasts, for the time an autoscaler needs to catch up with it. */
export const FLASH_WINDOW_SECONDS: Sourced<number> = {
  value: 300,
  source: 'MODEL.md §9.5: a flash crowd lasts "a few minutes"; 5 min taken (calibrated)',
};

/**
 * Execution environments a serverless function holds at `rps`: each one runs
 * one invocation at a time (Little's law: rps × duration) and, by the RPS
 * rule, serves at most 10 invocations a second.
 */
export function environmentsFor(rps: number, durationMs: number): number {
  return rps * Math.max(durationMs / 1000, 1 / SERVERLESS.rpsPerConcurrency.value);
}

/** Most invocations a second a function with `concurrency` environments serves (SOURCES.md §13). */
export function serverlessCapacityRps(concurrency: number, durationMs: number): number {
  return concurrency > 0 ? concurrency / Math.max(durationMs / 1000, 1 / SERVERLESS.rpsPerConcurrency.value) : 0;
}

/**
 * Share of invocations that start cold. A busy function sees the published
 * floor (environments are recycled and added as traffic moves); a function
 * called so rarely that the gap between calls exceeds the idle timeout finds
 * no warm environment: a Poisson gap longer than `idleSeconds` has
 * probability e^(−rate × idle).
 */
export function coldShare(averageRps: number): number {
  const floor = SERVERLESS.coldShareFloor.value;
  if (!(averageRps > 0)) return 1;
  return Math.min(1, floor + (1 - floor) * Math.exp(-averageRps * SERVERLESS.idleSeconds.value));
}

/** A serverless function's monthly bill: requests plus GB-seconds (SOURCES.md §9). */
export function serverlessMonthlyUsd(invocationsPerMonth: number, durationMs: number, memoryMB: number, perMillionUsd: number, gbSecondUsd: number): number {
  // Lambda bills duration rounded up to the millisecond.
  const billedS = Math.ceil(Math.max(0, durationMs)) / 1000;
  return (invocationsPerMonth / 1e6) * perMillionUsd + invocationsPerMonth * billedS * (memoryMB / 1024) * gbSecondUsd;
}

/** Nodes a cluster runs for `pods` pods, `podsPerNode` to a node (at least one). */
export function clusterNodes(pods: number, podsPerNode: number): number {
  return Math.max(1, Math.ceil(pods / Math.max(1, podsPerNode) - 1e-9));
}

/**
 * The share of a flash crowd's requests lost while capacity catches up:
 * `capacityAt(t)` is the capacity at second t as a share of what the crowd
 * needs; `final` the capacity it ends at (what the steady pass already
 * shows: anything beyond that fails anyway). Integrated by the second over
 * the crowd's window.
 */
function rampLoss(capacityAt: (t: number) => number, final: number): number {
  const window = FLASH_WINDOW_SECONDS.value;
  const top = Math.min(1, final);
  let lost = 0;
  for (let t = 0; t < window; t++) lost += Math.max(0, top - Math.min(1, capacityAt(t + 0.5)));
  return lost / window;
}

export interface RampResult {
  /** Seconds until capacity reaches what the crowd needs (or its ceiling). */
  rampSeconds: number;
  /** Share of the crowd's requests at this node lost meanwhile (beyond any steady overload). */
  lostShare: number;
}

/**
 * A serverless function meeting a flash crowd: it holds the environments the
 * peak needed and adds 1,000 every 10 s up to its concurrency limit.
 */
export function serverlessRamp(peakRps: number, flashRps: number, durationMs: number, concurrency: number): RampResult {
  const need = environmentsFor(flashRps, durationMs);
  if (!(need > 0)) return { rampSeconds: 0, lostShare: 0 };
  const start = Math.min(concurrency, environmentsFor(peakRps, durationMs));
  const end = Math.min(concurrency, need);
  const rate = SERVERLESS.scaleEnvironmentsPerSecond.value;
  const rampSeconds = Math.max(0, end - start) / rate;
  const lostShare = rampLoss((t) => Math.min(end, start + rate * t) / need, end / need);
  return { rampSeconds, lostShare };
}

/**
 * A container cluster's horizontal pod autoscaler meeting a flash crowd: it
 * notices after the metric lag and a sync, then may double the pods (at least
 * +4) once a minute; a new pod is ready after it starts, and later still
 * when no node has room for it (a node must be provisioned first).
 * `needPods` is the pods the crowd needs at 100 % utilisation (fractional).
 */
export function clusterRamp(peakPods: number, needPods: number, maxPods: number, podsPerNode: number): RampResult {
  if (!(needPods > 0)) return { rampSeconds: 0, lostShare: 0 };
  const reaction = CLUSTER.metricsLagSeconds.value + CLUSTER.hpaSyncSeconds.value;
  const period = CLUSTER.scaleUpPeriodSeconds.value;
  const podStart = CLUSTER.podStartSeconds.value;
  const nodeWait = CLUSTER.nodeProvisionSeconds.value;
  const slots = clusterNodes(peakPods, podsPerNode) * Math.max(1, podsPerNode);
  const target = Math.min(maxPods, Math.max(peakPods, Math.ceil(needPods - 1e-9)));
  // Scale events: when each batch of pods is asked for, and when it is ready.
  const readyAt: { t: number; pods: number }[] = [];
  let pods = peakPods;
  for (let t = reaction; pods < target; t += period) {
    const next = Math.min(target, Math.max(pods + CLUSTER.scaleUpPods.value, pods * CLUSTER.scaleUpFactor.value));
    // Pods that fit the nodes already running start at once; the rest wait for new nodes.
    const fit = Math.max(0, Math.min(next, slots) - pods);
    if (fit > 0) readyAt.push({ t: t + podStart, pods: fit });
    if (next - pods - fit > 0) readyAt.push({ t: t + nodeWait + podStart, pods: next - pods - fit });
    pods = next;
  }
  const capacityAt = (t: number) => {
    let p = peakPods;
    for (const r of readyAt) if (r.t <= t) p += r.pods;
    return p / needPods;
  };
  let rampSeconds = 0;
  for (const r of readyAt) rampSeconds = Math.max(rampSeconds, r.t);
  return { rampSeconds, lostShare: rampLoss(capacityAt, target / needPods) };
}
