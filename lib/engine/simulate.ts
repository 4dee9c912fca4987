/**
 * A discrete-event simulation of a design (MODEL.md §3, last point): the
 * independent check of the analytic numbers.
 *
 * What is shared with the analytic engine is the *design*, never the
 * queueing: `compile` (route tables, specialists first, shares, load-balancer
 * split), `groupsOf` (which calls a node makes for an arriving class, in
 * order) and the forward pass's configuration (instances chosen at peak by
 * autoscaling, per-class service times, inline job time). Everything the
 * analytic model *computes* from those — waits, utilisation, percentiles,
 * path mixtures — the simulation measures instead:
 *
 * - user requests arrive as one Poisson stream per users node and class at
 *   the peak rates (§1.2);
 * - every instance of a queueing kind is an FCFS station with `c = cores`
 *   servers and exponential service per class (mean = the class's service
 *   time); an inline job adds an exponential `jobServiceMs` to `asyncShare`
 *   of writes;
 * - a request is served at a node, then makes the node's calls one after
 *   another (each call: a target drawn from the route table, its hop latency
 *   as a round trip, and everything the target does); a cache or CDN hit or
 *   miss is drawn per request;
 * - the instance inside a node is chosen by the algorithm of the load
 *   balancer feeding it: round-robin hands instance i every n-th arrival
 *   (a cyclic counter), random draws one uniformly, least-connections joins
 *   the instance with the fewest requests in it (join-shortest-queue, ties
 *   broken in turn); shards and partitions are drawn with the hottest one
 *   taking `(1+shardSkew)/shards`;
 * - rated and managed kinds add their fixed latency; their capacity (and a
 *   rate limiter's limit) is a token bucket: requests beyond it fail (are
 *   shed); a request that waits longer than the 10 s timeout at a station
 *   gives up and fails;
 * - replicas replay each write of their primary's shard (an operation of
 *   `applyFactor` × a write on every replica instance of that shard); a NoSQL
 *   write also lands on the next `replicationFactor - 1` partitions on the
 *   ring; the user waits for neither;
 * - a job handed to a queue does not count toward the user's time; workers
 *   behind a queue run at the average rate, so the queue passes each job on
 *   with probability 1/peakFactor (a thinned Poisson stream at the average
 *   rate, MODEL.md §2.1) and the worker's write reaches its store.
 *
 * Built for speed: a binary-heap event queue on typed arrays, request
 * records preallocated in a pool of typed arrays (a call stack per request),
 * routing and service parameters precomputed per (node, class), no closures
 * or objects per event. Pure and deterministic: one seeded PRNG
 * (xoshiro128**) for the arrivals and one for everything else; no clock.
 */
import { formatInteger, formatNumber, formatRps } from '../shared/format';
import { NETWORK } from './catalog';
import * as codes from './compile';
import { compile, type CompiledNetwork } from './compile';
import type { Kind } from '../design/kinds';
import { setKey } from './records';
import { createRunState, forward, groupsOf, placeAndStore, type RunState } from './run';
import type { ResolvedWorkload, Workload } from './types';
import { peakLoad, resolveWorkload, type OfferedLoad } from './workload';

// Local copies: imported bindings can be live getters under some module loaders (tsx/CJS).
const { STATIC, READ, WRITE, JOB, MODEL_QUEUE, MODEL_RATED, ALG_ROUND_ROBIN, ALG_LEAST_CONNECTIONS } = codes;
const K_DATABASE = codes.K.database;
const K_REPLICA = codes.K['read-replica'];
const K_NOSQL = codes.K.nosql;
const K_QUEUE = codes.K.queue;
const K_LIMITER = codes.K['rate-limiter'];
const K_LB = codes.K['load-balancer'];

const TIMEOUT_MS = NETWORK.timeoutMs.value;

/** Options of {@link simulate}. */
export interface SimulateOptions {
  /** User requests to generate, warm-up included (default 100,000). */
  requests?: number;
  /** PRNG seed (default 1): any whole number up to ±(2⁵³ − 1); fractions are floored. Same seed, same result; every seed its own stream. */
  seed?: number;
  /** Overrides of the design's workload, as for `evaluate`. */
  workload?: Partial<Workload>;
  /** Share of the requests (the first ones) run before measuring starts (default 0.1). */
  warmupFraction?: number;
  /**
   * What least-connections does (default `pooled`): `pooled` holds requests
   * at the balancer in one queue until any instance has a free core (HAProxy
   * least-conn with `maxconn` = cores), the M/M/(n·c) queue of MODEL.md §3;
   * `jsq` sends each request at once to the instance with the fewest
   * requests in it (join the shortest queue, no moving between queues),
   * which waits somewhat longer than the pooled queue.
   */
  leastConnections?: 'pooled' | 'jsq';
}

/** Simulated latency summary, ms. */
export interface SimulatedLatency {
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  /** Requests measured. */
  count: number;
}

export interface SimulatedNode {
  kind: Kind;
  /** Stations simulated (instances; shards for a database; shards × instances for replicas). */
  instances: number;
  /** Servers per station (`c`). */
  cores: number;
  /**
   * Busy-time fraction per server over the measurement window, for the
   * hottest shard of a data store (as the analytic `utilization`); for rated
   * kinds, arrivals / (instances × rated capacity), 0 when unbounded.
   */
  utilization: number;
  /** Arrivals per second during the measurement window, per class. */
  arrivalRps: { static: number; read: number; write: number; job: number; total: number };
  /** Time from arriving at the node to leaving it (wait + service, or the fixed latency), ms. */
  responseMs: { mean: number; p95: number; p99: number };
  /** Visits measured for `responseMs`. */
  visits: number;
}

/** What one connection carried in the simulation. */
export interface SimulatedEdge {
  /** Requests (jobs) per second sent along it during the measurement window, per class. */
  rps: { static: number; read: number; write: number; job: number; total: number };
}

export interface SimulationResult {
  modelVersion: 2;
  seed: number;
  /** User requests generated, warm-up included. */
  requests: number;
  warmupRequests: number;
  /** Length of the measurement window, simulated seconds. */
  measuredSeconds: number;
  users: number;
  workload: ResolvedWorkload;
  /** Peak offered load (rps) the arrivals were drawn at. */
  offered: OfferedLoad;
  nodes: Record<string, SimulatedNode>;
  /** Per design edge id. */
  edges: Record<string, SimulatedEdge>;
  endToEnd: {
    /** User-facing latency of requests that succeeded, ms (queued jobs excluded). */
    latencyMs: { static: SimulatedLatency; read: SimulatedLatency; write: SimulatedLatency; overall: SimulatedLatency };
    /** Measured user requests that completed, failed (saturation, timeout, nowhere to go) or were shed. */
    completed: number;
    failed: number;
    shed: number;
    /** failed / measured requests. */
    errorRate: number;
  };
  /** Events processed (arrivals at stations and service completions). */
  events: number;
  /**
   * Why the figures may not be a steady state (MODEL.md §9.5): a saturated
   * station whose backlog is still growing, or too few completions at the
   * busiest station. Each says how many requests would be enough and the
   * formula behind it. Empty when neither applies.
   */
  warnings: string[];
}

/** Counts per class at `counts[b..b+3]` over a window of `seconds`, as rates per class and in total. */
function perSecond(counts: Float64Array, b: number, seconds: number): SimulatedEdge['rps'] {
  const r = (x: number) => (seconds > 0 ? x / seconds : 0);
  return { static: r(counts[b]), read: r(counts[b + 1]), write: r(counts[b + 2]), job: r(counts[b + 3]), total: r(counts[b] + counts[b + 1] + counts[b + 2] + counts[b + 3]) };
}

/** How a node treats an arriving class. */
const STAGE_ZERO = 0; // users, pass-through reads at a primary with replicas, nothing at the node
const STAGE_RATED = 1; // fixed latency, token-bucket capacity
const STAGE_QUEUE = 2; // an FCFS station

/** Request records. */
const SLOT_USER = 0;
const SLOT_DETACHED = 1; // a job behind a queue: its own calls, no user latency
const SLOT_OP = 2; // a replica apply or a NoSQL replica write: one service, nothing after

const EV_ARRIVE = 0;
const EV_END = 1;

/** Splitmix32's output function: a well-mixed 32-bit value of `x`. */
function mix32(x: number): number {
  let z = x | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

const TWO_31 = 2 ** 31;

/**
 * xoshiro128** (Blackman and Vigna), seeded with splitmix32 from one of a
 * simulation's two streams (`stream` 1: routing and service, 2: arrivals).
 * The low 31 bits of the seed start splitmix32 as they always have, so seeds
 * 0 to 2³¹ − 1 keep their results; the rest of the seed (any safe integer,
 * negative ones included) is mixed into the state, so no two seeds share a
 * stream.
 */
class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  constructor(seed: number, stream: 1 | 2) {
    const high = Math.floor(seed / TWO_31);
    const low = seed - high * TWO_31;
    let x = (low * 2 + stream) >>> 0;
    const next = () => {
      x = (x + 0x9e3779b9) | 0;
      return mix32(x);
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    if (high !== 0) {
      // Two 32-bit words of the high part (|seed| < 2⁵³, so it fits in 22 bits plus a sign).
      const h = mix32(high | 0) ^ mix32(Math.floor(high / 2 ** 32) + 0x632be5ab);
      this.a = (this.a ^ h) >>> 0;
      this.b = (this.b ^ mix32(h + 0x9e3779b9)) >>> 0;
      this.c = (this.c ^ mix32(h + 0x3c6ef372)) >>> 0;
      this.d = (this.d ^ mix32(h + 0xdaa66d2b)) >>> 0;
    }
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 1;
  }
  /** Uniform in [0, 1), 32 bits. */
  next(): number {
    const r = Math.imul(rotl(Math.imul(this.b, 5), 7), 9);
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return (r >>> 0) * 2.3283064365386963e-10;
  }
  /** Exponential with the given mean (−mean·ln(1−U), U < 1 so the log is finite). */
  exp(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** Linear-interpolated quantile of a sorted array. */
function quantile(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  if (n === 0) return 0;
  const pos = (n - 1) * p;
  const i = Math.floor(pos);
  const f = pos - i;
  return i + 1 < n ? sorted[i] * (1 - f) + sorted[i + 1] * f : sorted[n - 1];
}

function summary(samples: Float64Array): SimulatedLatency {
  const n = samples.length;
  if (n === 0) return { mean: 0, p50: 0, p95: 0, p99: 0, count: 0 };
  let sum = 0;
  for (let i = 0; i < n; i++) sum += samples[i];
  samples.sort();
  return { mean: sum / n, p50: quantile(samples, 0.5), p95: quantile(samples, 0.95), p99: quantile(samples, 0.99), count: n };
}

/**
 * Simulates `requests` user requests through the design (MODEL.md §3) and
 * measures per-node utilisation and response times and end-to-end latency
 * per class, after discarding the first `warmupFraction` of the requests.
 * Rates in rps, times in ms. Pure and deterministic for a given seed.
 * Throws `InvalidDesignError` for a design the engine cannot evaluate.
 */
export function simulate(design: Parameters<typeof compile>[0], options: SimulateOptions = {}): SimulationResult {
  const net = compile(design);
  const w = resolveWorkload(design.workload, options.workload);
  const st = createRunState(net);
  // Configuration only (instances chosen by autoscaling, service times); the queueing is simulated.
  forward(st, w);
  // Page reads from storage (MODEL.md §9.2) add their time after a query's CPU time, as in the engine.
  placeAndStore(st);
  const requests = Math.max(0, Math.floor(options.requests ?? 100_000));
  const seed = Math.floor(options.seed ?? 1);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`The simulation seed must be a whole number from -${Number.MAX_SAFE_INTEGER} to ${Number.MAX_SAFE_INTEGER}; got ${options.seed}.`);
  const warmupFraction = Math.min(0.9, Math.max(0, options.warmupFraction ?? 0.1));
  return new Simulation(net, st, w, requests, seed, warmupFraction, options.leastConnections === 'jsq').run();
}

class Simulation {
  private readonly net: CompiledNetwork;
  private readonly st: RunState;
  private readonly w: ResolvedWorkload;
  private readonly requests: number;
  private readonly seed: number;
  private readonly warmup: number;
  private readonly rng: Rng;

  // Per (node, class): stage, service mean, groups (at most 2 per (node, class)).
  private readonly stage: Uint8Array;
  private readonly svcMean: Float64Array;
  private readonly grpCount: Uint8Array;
  private readonly grpCls: Int32Array;
  private readonly grpProb: Float64Array;
  // Per node.
  private readonly inlineMs: Float64Array;
  private readonly latency: Float64Array;
  private readonly unitStart: Int32Array;
  private readonly unitCount: Int32Array;
  /** How the station inside a node is chosen: 0 random, 1 round-robin, 2 least-connections, 3 shards/partitions. */
  private readonly pick: Uint8Array;
  /** Probability of the hottest shard/partition (unit 0; for replicas: shard 0). */
  private readonly hotProb: Float64Array;
  /** Shards of a replica node's primary, and instances per shard. */
  private readonly repShards: Int32Array;
  private readonly repPer: Int32Array;
  /** First and count of the hot group of stations reported as the node's utilisation. */
  private readonly hotUnits: Int32Array;
  private readonly rrNext: Int32Array;
  /** Smooth weighted round-robin state per route entry, for a round-robin load balancer choosing among its targets. */
  private readonly rrWeight: Float64Array;
  /** Instances pooled into one station (least-connections, pooled), else 0. */
  private readonly pooled: Int32Array;
  private readonly nosqlExtra: Int32Array;
  /** Replicas applying each primary's writes (CSR). */
  private readonly replStart: Int32Array;
  private readonly replList: Int32Array;
  private readonly applyMs: Float64Array;
  // Token buckets: rate per ms (−1 = none), depth, tokens, last refill.
  private readonly bucketRate: Float64Array;
  private readonly bucketDepth: Float64Array;
  private readonly bucketTokens: Float64Array;
  private readonly bucketLast: Float64Array;
  private readonly limitRate: Float64Array;
  private readonly limitDepth: Float64Array;
  private readonly limitTokens: Float64Array;
  private readonly limitLast: Float64Array;

  // Stations.
  private readonly unitNode: Int32Array;
  private readonly unitCores: Int32Array;
  private readonly busy: Int32Array;
  private readonly qHead: Int32Array;
  private readonly qTail: Int32Array;
  private readonly qLen: Int32Array;
  private readonly area: Float64Array;
  private readonly last: Float64Array;
  /** Requests in each station (in service or queued) when measuring starts and when the last request arrives. */
  private readonly inAtWarm: Int32Array;
  private readonly inAtEnd: Int32Array;
  /** Services each station completed during the measurement window. */
  private readonly done: Float64Array;
  private readonly warmupFraction: number;

  // Request records (grown by doubling when more are in flight).
  private cap = 0;
  private depthMax: number;
  private kind = new Uint8Array(0);
  private req = new Int32Array(0);
  private start = new Float64Array(0);
  private ucls = new Uint8Array(0);
  private depth = new Int32Array(0);
  private fNode = new Int32Array(0);
  private fCls = new Int32Array(0);
  private fGrp = new Int32Array(0);
  private node = new Int32Array(0);
  private cls = new Int32Array(0);
  private unit = new Int32Array(0);
  private arrive = new Float64Array(0);
  private opMs = new Float64Array(0);
  private nextInQ = new Int32Array(0);
  private free = new Int32Array(0);
  private freeTop = 0;

  // Event heap.
  private hTime = new Float64Array(1024);
  private hData = new Int32Array(1024);
  private hSize = 0;

  // Measurement.
  private tWarm = 0;
  private tEnd = 0;
  private readonly arrivals: Float64Array;
  /** Requests (jobs) sent along each design edge during the measurement window, per class. */
  private readonly edgeCounts: Float64Array;
  private readonly nodeSamples: Float64Array[];
  private readonly nodeSampleCount: Int32Array;
  private readonly lat: Float64Array;
  private readonly latCls: Uint8Array;
  private latCount = 0;
  private failed = 0;
  private shed = 0;
  private events = 0;

  constructor(net: CompiledNetwork, st: RunState, w: ResolvedWorkload, requests: number, seed: number, warmupFraction: number, jsq: boolean) {
    this.net = net;
    this.st = st;
    this.w = w;
    this.requests = requests;
    this.seed = seed;
    this.warmup = Math.floor(requests * warmupFraction);
    this.warmupFraction = warmupFraction;
    this.rng = new Rng(seed, 1);
    const n = net.n;
    this.stage = new Uint8Array(n * 4);
    this.svcMean = new Float64Array(n * 4);
    this.grpCount = new Uint8Array(n * 4);
    this.grpCls = new Int32Array(n * 8);
    this.grpProb = new Float64Array(n * 8);
    this.inlineMs = new Float64Array(n);
    this.latency = new Float64Array(n);
    this.unitStart = new Int32Array(n + 1);
    this.unitCount = new Int32Array(n);
    this.pick = new Uint8Array(n);
    this.hotProb = new Float64Array(n);
    this.repShards = new Int32Array(n);
    this.repPer = new Int32Array(n);
    this.hotUnits = new Int32Array(n * 2);
    this.rrNext = new Int32Array(n);
    this.rrWeight = new Float64Array(net.routeTarget.length);
    this.pooled = new Int32Array(n);
    this.nosqlExtra = new Int32Array(n);
    this.applyMs = new Float64Array(n);
    this.bucketRate = new Float64Array(n).fill(-1);
    this.bucketDepth = new Float64Array(n);
    this.bucketTokens = new Float64Array(n);
    this.bucketLast = new Float64Array(n);
    this.limitRate = new Float64Array(n).fill(-1);
    this.limitDepth = new Float64Array(n);
    this.limitTokens = new Float64Array(n);
    this.limitLast = new Float64Array(n);
    this.arrivals = new Float64Array(n * 4);
    this.edgeCounts = new Float64Array(net.edgeIds.length * 4);
    this.nodeSampleCount = new Int32Array(n);
    this.nodeSamples = [];

    const outCls = new Int32Array(4);
    const outProb = new Float64Array(4);
    let units = 0;
    const replCount = new Int32Array(n + 1);
    for (let v = 0; v < n; v++) {
      const kc = net.kindCode[v];
      const model = net.model[v];
      const b = v * 4;
      this.nodeSamples.push(new Float64Array(model === MODEL_QUEUE ? 1024 : 0));
      const passRead = kc === K_DATABASE && net.routeStart[b + READ + 1] > net.routeStart[b + READ];
      for (let k = 0; k < 4; k++) {
        if (model === MODEL_QUEUE && !(k === READ && passRead)) this.stage[b + k] = STAGE_QUEUE;
        else if (model === MODEL_RATED) this.stage[b + k] = STAGE_RATED;
        else this.stage[b + k] = STAGE_ZERO;
        this.svcMean[b + k] = st.svcMs[b + k];
        const g = groupsOf(net, st, v, k, outCls, outProb);
        this.grpCount[b + k] = g;
        for (let i = 0; i < g; i++) {
          this.grpCls[(b + k) * 2 + i] = outCls[i];
          this.grpProb[(b + k) * 2 + i] = outProb[i];
        }
      }
      this.inlineMs[v] = st.inlineJobMs[v];
      this.latency[v] = net.latencyMs[v];
      if (model === MODEL_RATED) {
        const cap = net.capacityRps[v] * st.instances[v];
        if (cap > 0) {
          this.bucketRate[v] = cap / 1000;
          // A tenth of a second of capacity: absorbs Poisson bursts, not sustained overload.
          this.bucketDepth[v] = Math.max(1, cap * 0.1);
          this.bucketTokens[v] = this.bucketDepth[v];
        }
        if (kc === K_LIMITER && net.limitRps[v] >= 0) {
          this.limitRate[v] = net.limitRps[v] / 1000;
          this.limitDepth[v] = Math.max(1, net.limitRps[v] * 0.1);
          this.limitTokens[v] = this.limitDepth[v];
        }
      }
      // Stations.
      let count = 0;
      if (model === MODEL_QUEUE) {
        if (kc === K_DATABASE) {
          count = net.shards[v];
          this.pick[v] = 3;
          this.hotProb[v] = Math.min(1, (1 + net.shardSkew[v]) / count);
          this.hotUnits[v * 2 + 1] = 1;
        } else if (kc === K_REPLICA) {
          const p = net.primaryOf[v];
          const shards = p >= 0 ? net.shards[p] : 1;
          const per = Math.max(1, net.instances[v]);
          count = shards * per;
          this.repShards[v] = shards;
          this.repPer[v] = per;
          this.pick[v] = 3;
          this.hotProb[v] = Math.min(1, (1 + net.shardSkew[v]) / shards);
          this.hotUnits[v * 2 + 1] = per;
          if (p >= 0) replCount[p + 1]++;
          this.applyMs[v] = net.applyFactor[v] * st.svcMs[b + WRITE];
        } else if (kc === K_NOSQL) {
          count = Math.max(1, net.instances[v]);
          this.pick[v] = 3;
          this.hotProb[v] = Math.min(1, (1 + net.shardSkew[v]) / count);
          this.hotUnits[v * 2 + 1] = 1;
          this.nosqlExtra[v] = Math.min(net.replicationFactor[v], count) - 1;
        } else {
          count = Math.max(1, Math.round(st.instances[v]));
          const alg = net.algorithm[v];
          this.pick[v] = alg === ALG_ROUND_ROBIN ? 1 : alg === ALG_LEAST_CONNECTIONS ? 2 : 0;
          if (alg === ALG_LEAST_CONNECTIONS && !jsq) {
            // Pooled: one station with every core of every instance, one queue.
            this.pooled[v] = count;
            count = 1;
          }
          this.hotUnits[v * 2 + 1] = count;
        }
      }
      this.unitStart[v] = units;
      this.unitCount[v] = count;
      this.hotUnits[v * 2] = units;
      units += count;
    }
    this.unitStart[n] = units;
    // Replicas of each primary (CSR).
    this.replStart = new Int32Array(n + 1);
    for (let v = 0; v < n; v++) this.replStart[v + 1] = this.replStart[v] + replCount[v + 1];
    this.replList = new Int32Array(this.replStart[n]);
    const fill = this.replStart.slice(0, n);
    for (let v = 0; v < n; v++) {
      const p = net.primaryOf[v];
      if (net.kindCode[v] === K_REPLICA && p >= 0) this.replList[fill[p]++] = v;
    }

    this.unitNode = new Int32Array(units);
    this.unitCores = new Int32Array(units);
    for (let v = 0; v < n; v++) {
      for (let u = this.unitStart[v]; u < this.unitStart[v] + this.unitCount[v]; u++) {
        this.unitNode[u] = v;
        this.unitCores[u] = Math.max(1, Math.round(net.cores[v])) * Math.max(1, this.pooled[v]);
      }
    }
    this.busy = new Int32Array(units);
    this.qHead = new Int32Array(units).fill(-1);
    this.qTail = new Int32Array(units).fill(-1);
    this.qLen = new Int32Array(units);
    this.area = new Float64Array(units);
    this.last = new Float64Array(units);
    this.inAtWarm = new Int32Array(units);
    this.inAtEnd = new Int32Array(units);
    this.done = new Float64Array(units);

    // Longest call chain (frames on a request's stack): 1 + the longest route path.
    const longest = new Int32Array(n);
    for (let idx = n - 1; idx >= 0; idx--) {
      const v = net.topo[idx];
      let m = 0;
      for (let i = net.routeStart[v * 4]; i < net.routeStart[v * 4 + 4]; i++) m = Math.max(m, longest[net.routeTarget[i]]);
      longest[v] = m + 1;
    }
    let dm = 1;
    for (let v = 0; v < n; v++) dm = Math.max(dm, longest[v]);
    this.depthMax = dm + 1;
    this.lat = new Float64Array(Math.max(0, requests - this.warmup));
    this.latCls = new Uint8Array(Math.max(0, requests - this.warmup));
    this.grow(1024);
  }

  // -------------------------------------------------------------------------
  // Request records

  private grow(cap: number) {
    const old = this.cap;
    const D = this.depthMax;
    const g8 = (a: Uint8Array) => {
      const x = new Uint8Array(cap);
      x.set(a);
      return x;
    };
    const g32 = (a: Int32Array, size: number) => {
      const x = new Int32Array(size);
      x.set(a);
      return x;
    };
    const g64 = (a: Float64Array) => {
      const x = new Float64Array(cap);
      x.set(a);
      return x;
    };
    this.kind = g8(this.kind);
    this.ucls = g8(this.ucls);
    this.req = g32(this.req, cap);
    this.depth = g32(this.depth, cap);
    this.node = g32(this.node, cap);
    this.cls = g32(this.cls, cap);
    this.unit = g32(this.unit, cap);
    this.nextInQ = g32(this.nextInQ, cap);
    this.fNode = g32(this.fNode, cap * D);
    this.fCls = g32(this.fCls, cap * D);
    this.fGrp = g32(this.fGrp, cap * D);
    this.start = g64(this.start);
    this.arrive = g64(this.arrive);
    this.opMs = g64(this.opMs);
    const free = new Int32Array(cap);
    free.set(this.free.subarray(0, this.freeTop));
    // New records go on the free stack highest first, so low indices are used first.
    let top = this.freeTop;
    for (let s = cap - 1; s >= old; s--) free[top++] = s;
    this.free = free;
    this.freeTop = top;
    this.cap = cap;
  }

  private alloc(kind: number): number {
    if (this.freeTop === 0) this.grow(this.cap * 2);
    const s = this.free[--this.freeTop];
    this.kind[s] = kind;
    this.depth[s] = 0;
    this.req[s] = -1;
    return s;
  }

  private release(s: number) {
    this.free[this.freeTop++] = s;
  }

  private push(s: number, v: number, k: number) {
    const f = s * this.depthMax + this.depth[s]++;
    this.fNode[f] = v;
    this.fCls[f] = k;
    this.fGrp[f] = 0;
  }

  // -------------------------------------------------------------------------
  // Event heap (min-heap on time; ties in heap order, which is deterministic)

  private schedule(t: number, s: number, type: number) {
    if (this.hSize === this.hTime.length) {
      const t2 = new Float64Array(this.hSize * 2);
      t2.set(this.hTime);
      const d2 = new Int32Array(this.hSize * 2);
      d2.set(this.hData);
      this.hTime = t2;
      this.hData = d2;
    }
    const hT = this.hTime;
    const hD = this.hData;
    const data = s * 2 + type;
    let i = this.hSize++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (hT[p] <= t) break;
      hT[i] = hT[p];
      hD[i] = hD[p];
      i = p;
    }
    hT[i] = t;
    hD[i] = data;
  }

  /** Removes the earliest event; its time and data are left in `popTime`/`popData`. */
  private popTime = 0;
  private popData = 0;
  private pop() {
    const hT = this.hTime;
    const hD = this.hData;
    this.popTime = hT[0];
    this.popData = hD[0];
    const n = --this.hSize;
    if (n === 0) return;
    const t = hT[n];
    const d = hD[n];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && hT[c + 1] < hT[c]) c++;
      if (hT[c] >= t) break;
      hT[i] = hT[c];
      hD[i] = hD[c];
      i = c;
    }
    hT[i] = t;
    hD[i] = d;
  }

  // -------------------------------------------------------------------------
  // Simulation

  run(): SimulationResult {
    const net = this.net;
    const w = this.w;
    const offered = peakLoad(w);
    const nUsers = net.usersNodes.length;
    const requests = nUsers > 0 && offered.total > 0 ? this.requests : 0;
    // The arrival stream has its own PRNG, so it can be drawn up front: the
    // measurement window [first measured arrival, last arrival] is known
    // before the run starts.
    const arrRng = new Rng(this.seed, 2);
    const times = new Float64Array(requests);
    const classes = new Uint8Array(requests);
    const entry = new Int32Array(requests);
    const ratePerMs = offered.total / 1000;
    const pStatic = offered.total > 0 ? offered.static / offered.total : 0;
    const pRead = offered.total > 0 ? offered.read / offered.total : 0;
    let t = 0;
    for (let i = 0; i < requests; i++) {
      t += arrRng.exp(1 / ratePerMs);
      times[i] = t;
      const u = arrRng.next();
      classes[i] = u < pStatic ? STATIC : u < pStatic + pRead ? READ : WRITE;
      entry[i] = nUsers > 1 ? net.usersNodes[Math.min(nUsers - 1, Math.floor(arrRng.next() * nUsers))] : net.usersNodes[0];
    }
    this.tWarm = requests > 0 ? times[Math.min(this.warmup, requests - 1)] : 0;
    this.tEnd = requests > 0 ? times[requests - 1] : 0;

    let next = 0;
    for (;;) {
      const tExt = next < requests ? times[next] : Infinity;
      if (this.hSize === 0 && tExt === Infinity) break;
      if (this.hSize === 0 || tExt <= this.hTime[0]) {
        const s = this.alloc(SLOT_USER);
        this.req[s] = next;
        this.start[s] = tExt;
        this.ucls[s] = classes[next];
        this.push(s, entry[next], classes[next]);
        if (next >= this.warmup) this.arrivals[entry[next] * 4 + classes[next]]++;
        if (next === this.warmup) this.snapshot(this.inAtWarm);
        if (next === requests - 1) this.snapshot(this.inAtEnd);
        next++;
        this.advance(s, tExt);
        continue;
      }
      this.pop();
      this.events++;
      const s = this.popData >> 1;
      if ((this.popData & 1) === EV_ARRIVE) this.onArrive(s, this.popTime);
      else this.onEnd(s, this.popTime);
    }
    return this.result(offered);
  }

  /**
   * Carries a request on from the frame on top of its stack (a node whose own
   * stage is done) at time `t`: makes the node's calls in turn, adding hops
   * and fixed latencies, until it reaches a station (an arrival event) or
   * finishes.
   */
  private advance(s: number, t: number) {
    const net = this.net;
    const D = this.depthMax;
    const rng = this.rng;
    let acc = 0;
    for (;;) {
      const d = this.depth[s];
      if (d === 0) {
        this.finish(s, t + acc);
        return;
      }
      const f = s * D + d - 1;
      const v = this.fNode[f];
      const k = this.fCls[f];
      const gb = v * 4 + k;
      const g = this.fGrp[f];
      if (g >= this.grpCount[gb]) {
        this.depth[s] = d - 1;
        continue;
      }
      this.fGrp[f] = g + 1;
      const p = this.grpProb[gb * 2 + g];
      if (p < 1 && !(rng.next() < p)) continue;
      const oc = this.grpCls[gb * 2 + g];
      const rb = v * 4 + oc;
      const rs = net.routeStart[rb];
      const re = net.routeStart[rb + 1];
      if (rs === re) {
        // Nowhere to go: the request fails (MODEL-NOTES: unhandled traffic).
        this.fail(s);
        return;
      }
      let i = rs;
      if (re - rs > 1) {
        if (net.kindCode[v] === K_LB && net.algorithm[net.routeTarget[rs]] === ALG_ROUND_ROBIN) {
          // A round-robin balancer cycles over its targets in proportion to their
          // instances (smooth weighted round-robin, as nginx does), then over the
          // instances inside each: every instance gets every N-th request.
          const wgt = this.rrWeight;
          let best = rs;
          for (let j = rs; j < re; j++) {
            wgt[j] += net.routeFrac[j];
            if (wgt[j] > wgt[best]) best = j;
          }
          wgt[best] -= 1;
          i = best;
        } else {
          let u = rng.next();
          while (i < re - 1 && u >= net.routeFrac[i]) {
            u -= net.routeFrac[i];
            i++;
          }
        }
      }
      const target = net.routeTarget[i];
      acc += net.routeHop[i];
      if (t + acc >= this.tWarm && t + acc <= this.tEnd) this.edgeCounts[net.routeEdge[i] * 4 + oc]++;
      const f2 = s * D + d;
      this.fNode[f2] = target;
      this.fCls[f2] = oc;
      this.fGrp[f2] = 0;
      this.depth[s] = d + 1;
      const sg = this.stage[target * 4 + oc];
      const now = t + acc;
      if (sg === STAGE_ZERO) {
        if (now >= this.tWarm && now <= this.tEnd) this.arrivals[target * 4 + oc]++;
        continue;
      }
      if (sg === STAGE_QUEUE) {
        this.node[s] = target;
        this.cls[s] = oc;
        this.schedule(now, s, EV_ARRIVE);
        return;
      }
      // Rated: count, check capacity (and a limiter's limit), add the fixed latency.
      if (now >= this.tWarm && now <= this.tEnd) this.arrivals[target * 4 + oc]++;
      if (this.bucketRate[target] >= 0 && !this.take(this.bucketRate, this.bucketDepth, this.bucketTokens, this.bucketLast, target, now)) {
        this.fail(s);
        return;
      }
      if (this.limitRate[target] >= 0 && !this.take(this.limitRate, this.limitDepth, this.limitTokens, this.limitLast, target, now)) {
        if (this.kind[s] === SLOT_USER && this.req[s] >= this.warmup) this.shed++;
        this.release(s);
        return;
      }
      acc += this.latency[target];
      if (net.kindCode[target] === K_QUEUE && oc === JOB) this.handOff(target, t + acc);
    }
  }

  /** Token bucket at node v: true when a token was available at `now`. */
  private take(rate: Float64Array, depth: Float64Array, tokens: Float64Array, last: Float64Array, v: number, now: number): boolean {
    // Arrivals reach a node slightly out of time order (hops are added ahead); never refill backwards.
    if (now > last[v]) {
      tokens[v] = Math.min(depth[v], tokens[v] + (now - last[v]) * rate[v]);
      last[v] = now;
    }
    if (tokens[v] >= 1) {
      tokens[v] -= 1;
      return true;
    }
    return false;
  }

  /** A queue passes a job on to its workers at the average rate (1 in peakFactor), off the user's path. */
  private handOff(q: number, t: number) {
    const pf = this.w.peakFactor;
    if (pf > 1 && !(this.rng.next() * pf < 1)) return;
    const net = this.net;
    const rb = q * 4 + JOB;
    const rs = net.routeStart[rb];
    const re = net.routeStart[rb + 1];
    if (rs === re) return;
    let i = rs;
    if (re - rs > 1) {
      let u = this.rng.next();
      while (i < re - 1 && u >= net.routeFrac[i]) {
        u -= net.routeFrac[i];
        i++;
      }
    }
    const target = net.routeTarget[i];
    const s = this.alloc(SLOT_DETACHED);
    this.push(s, target, JOB);
    const now = t + net.routeHop[i];
    if (now >= this.tWarm && now <= this.tEnd) this.edgeCounts[net.routeEdge[i] * 4 + JOB]++;
    if (this.stage[target * 4 + JOB] === STAGE_QUEUE) {
      this.node[s] = target;
      this.cls[s] = JOB;
      this.schedule(now, s, EV_ARRIVE);
    } else {
      this.advance(s, now);
    }
  }

  private finish(s: number, t: number) {
    if (this.kind[s] === SLOT_USER && this.req[s] >= this.warmup) {
      const i = this.latCount++;
      this.lat[i] = t - this.start[s];
      this.latCls[i] = this.ucls[s];
    }
    this.release(s);
  }

  private fail(s: number) {
    if (this.kind[s] === SLOT_USER && this.req[s] >= this.warmup) this.failed++;
    this.release(s);
  }

  /** Chooses the station inside node v for an arrival. */
  private choose(v: number): number {
    const base = this.unitStart[v];
    const n = this.unitCount[v];
    if (n === 1) return base;
    switch (this.pick[v]) {
      case 1: {
        const i = this.rrNext[v];
        this.rrNext[v] = i + 1 === n ? 0 : i + 1;
        return base + i;
      }
      case 2: {
        // Join the station with the fewest requests in it; ties go round in turn.
        const from = this.rrNext[v];
        this.rrNext[v] = from + 1 === n ? 0 : from + 1;
        let best = base + from;
        let bestN = this.busy[best] + this.qLen[best];
        for (let j = 1; j < n && bestN > 0; j++) {
          let x = from + j;
          if (x >= n) x -= n;
          const u = base + x;
          const c = this.busy[u] + this.qLen[u];
          if (c < bestN) {
            best = u;
            bestN = c;
          }
        }
        return best;
      }
      case 3: {
        // Shards or partitions: the hottest takes hotProb, the rest share evenly.
        const replica = this.net.kindCode[v] === K_REPLICA;
        const per = replica ? this.repPer[v] : 1;
        const shards = replica ? this.repShards[v] : n;
        let shard = 0;
        if (shards > 1) {
          const u = this.rng.next();
          const hot = this.hotProb[v];
          shard = u < hot ? 0 : 1 + Math.min(shards - 2, Math.floor(((u - hot) / (1 - hot)) * (shards - 1)));
        }
        const inst = per > 1 ? Math.min(per - 1, Math.floor(this.rng.next() * per)) : 0;
        return base + shard * per + inst;
      }
      default:
        return base + Math.min(n - 1, Math.floor(this.rng.next() * n));
    }
  }

  /** Requests in every station now (in service or queued). */
  private snapshot(into: Int32Array) {
    for (let u = 0; u < into.length; u++) into[u] = this.busy[u] + this.qLen[u];
  }

  /** Integrates busy servers over the measurement window up to `now`. */
  private account(u: number, now: number) {
    const a = this.last[u] > this.tWarm ? this.last[u] : this.tWarm;
    const b = now < this.tEnd ? now : this.tEnd;
    if (b > a) this.area[u] += this.busy[u] * (b - a);
    this.last[u] = now;
  }

  private onArrive(s: number, now: number) {
    const v = this.node[s];
    const k = this.cls[s];
    let u: number;
    if (this.kind[s] === SLOT_OP) u = this.unit[s];
    else {
      u = this.choose(v);
      this.unit[s] = u;
      if (now >= this.tWarm && now <= this.tEnd) this.arrivals[v * 4 + k]++;
      // A NoSQL write's copies land on the next partitions on the ring (never
      // twice on one); the user waits for its own only.
      const extra = this.nosqlExtra[v];
      if (extra > 0 && (k === WRITE || k === JOB)) {
        const first = this.unitStart[v];
        const count = this.unitCount[v];
        for (let r = 1; r <= extra; r++) this.op(v, first + ((u - first + r) % count), this.svcMean[v * 4 + k], now);
      }
    }
    this.arrive[s] = now;
    if (this.busy[u] < this.unitCores[u]) {
      this.account(u, now);
      this.busy[u]++;
      this.schedule(now + this.service(s), s, EV_END);
    } else {
      this.nextInQ[s] = -1;
      if (this.qTail[u] >= 0) this.nextInQ[this.qTail[u]] = s;
      else this.qHead[u] = s;
      this.qTail[u] = s;
      this.qLen[u]++;
    }
  }

  /** A background operation (replica apply, NoSQL replica write) on station u of node v. */
  private op(v: number, u: number, meanMs: number, now: number) {
    const s = this.alloc(SLOT_OP);
    this.node[s] = v;
    this.cls[s] = WRITE;
    this.unit[s] = u;
    this.opMs[s] = meanMs;
    this.onArrive(s, now);
  }

  private service(s: number): number {
    if (this.kind[s] === SLOT_OP) return this.rng.exp(this.opMs[s]);
    const v = this.node[s];
    const k = this.cls[s];
    let x = this.rng.exp(this.svcMean[v * 4 + k]);
    if (k === WRITE && this.inlineMs[v] > 0 && this.rng.next() < this.w.asyncShare) x += this.rng.exp(this.inlineMs[v]);
    return x;
  }

  private onEnd(s: number, now: number) {
    const u = this.unit[s];
    const v = this.node[s];
    const kind = this.kind[s];
    const arrived = this.arrive[s];
    // A query that misses the buffer pool reads from storage after its CPU time, off the core (MODEL.md §9.2).
    const ioMean = kind === SLOT_OP ? 0 : this.st.ioMs[v * 4 + this.cls[s]];
    const io = ioMean > 0 ? this.rng.exp(ioMean) : 0;
    if (kind !== SLOT_OP && arrived >= this.tWarm && arrived <= this.tEnd) this.sample(v, now + io - arrived);
    if (now >= this.tWarm && now <= this.tEnd) this.done[u]++;
    // Next in line (a request that has waited past the timeout has given up and failed).
    this.account(u, now);
    let started = false;
    while (this.qHead[u] >= 0) {
      const r = this.qHead[u];
      this.qHead[u] = this.nextInQ[r];
      if (this.qHead[u] < 0) this.qTail[u] = -1;
      this.qLen[u]--;
      if (now - this.arrive[r] > TIMEOUT_MS && this.kind[r] !== SLOT_OP) {
        this.fail(r);
        continue;
      }
      this.schedule(now + this.service(r), r, EV_END);
      started = true;
      break;
    }
    if (!started) this.busy[u]--;
    if (kind === SLOT_OP) {
      this.release(s);
      return;
    }
    const k = this.cls[s];
    // Replicas replay the write on every instance of its shard.
    if ((k === WRITE || k === JOB) && this.replStart[v + 1] > this.replStart[v]) {
      const shard = u - this.unitStart[v];
      for (let i = this.replStart[v]; i < this.replStart[v + 1]; i++) {
        const r = this.replList[i];
        if (!(this.applyMs[r] > 0) || shard >= this.repShards[r]) continue;
        const per = this.repPer[r];
        const base = this.unitStart[r] + shard * per;
        for (let j = 0; j < per; j++) this.op(r, base + j, this.applyMs[r], now);
      }
    }
    this.advance(s, now + io);
  }

  private sample(v: number, x: number) {
    let buf = this.nodeSamples[v];
    const i = this.nodeSampleCount[v]++;
    if (i === buf.length) {
      const b2 = new Float64Array(Math.max(1024, buf.length * 2));
      b2.set(buf);
      this.nodeSamples[v] = b2;
      buf = b2;
    }
    buf[i] = x;
  }

  // -------------------------------------------------------------------------
  // Results

  private result(offered: OfferedLoad): SimulationResult {
    const net = this.net;
    const st = this.st;
    const window = this.tEnd - this.tWarm;
    const seconds = window / 1000;
    const nodes: Record<string, SimulatedNode> = {};
    for (let v = 0; v < net.n; v++) {
      const b = v * 4;
      const arrivalRps = perSecond(this.arrivals, b, seconds);
      let utilization = 0;
      let response = { mean: 0, p95: 0, p99: 0 };
      let visits = 0;
      const model = net.model[v];
      if (model === MODEL_QUEUE) {
        const first = this.hotUnits[v * 2];
        const count = this.hotUnits[v * 2 + 1];
        let area = 0;
        for (let u = first; u < first + count; u++) {
          this.account(u, this.tEnd);
          area += this.area[u];
        }
        const c = Math.max(1, Math.round(net.cores[v])) * Math.max(1, this.pooled[v]);
        utilization = window > 0 && count > 0 ? area / (window * c * count) : 0;
        visits = this.nodeSampleCount[v];
        if (visits > 0) {
          const s = summary(this.nodeSamples[v].subarray(0, visits));
          response = { mean: s.mean, p95: s.p95, p99: s.p99 };
        }
      } else if (model === MODEL_RATED) {
        const cap = net.capacityRps[v] * st.instances[v];
        utilization = cap > 0 ? arrivalRps.total / cap : 0;
        visits = this.arrivals[b] + this.arrivals[b + 1] + this.arrivals[b + 2] + this.arrivals[b + 3];
        if (visits > 0) response = { mean: this.latency[v], p95: this.latency[v], p99: this.latency[v] };
      }
      const entry: SimulatedNode = {
        kind: net.kinds[v],
        instances: model === MODEL_QUEUE ? this.unitCount[v] * Math.max(1, this.pooled[v]) : st.instances[v],
        cores: net.cores[v],
        utilization,
        arrivalRps,
        responseMs: response,
        visits,
      };
      setKey(nodes, net.ids[v], entry);
    }
    const edges: Record<string, SimulatedEdge> = {};
    for (let e = 0; e < net.edgeIds.length; e++) setKey(edges, net.edgeIds[e], { rps: perSecond(this.edgeCounts, e * 4, seconds) });
    // End-to-end, per class and overall.
    const m = this.latCount;
    const counts = [0, 0, 0];
    for (let i = 0; i < m; i++) counts[this.latCls[i]]++;
    const per = counts.map((c) => new Float64Array(c));
    const fillAt = [0, 0, 0];
    for (let i = 0; i < m; i++) {
      const k = this.latCls[i];
      per[k][fillAt[k]++] = this.lat[i];
    }
    const measuredRequests = this.requests > 0 && offered.total > 0 && net.usersNodes.length > 0 ? this.requests - this.warmup : 0;
    return {
      modelVersion: 2,
      seed: this.seed,
      requests: this.requests,
      warmupRequests: this.warmup,
      measuredSeconds: seconds,
      users: this.w.users,
      workload: { ...this.w },
      offered,
      nodes,
      edges,
      endToEnd: {
        latencyMs: {
          static: summary(per[STATIC]),
          read: summary(per[READ]),
          write: summary(per[WRITE]),
          overall: summary(this.lat.subarray(0, m)),
        },
        completed: m,
        failed: this.failed,
        shed: this.shed,
        errorRate: measuredRequests > 0 ? this.failed / measuredRequests : 0,
      },
      events: this.events,
      warnings: this.steadyStateWarnings(offered, measuredRequests),
    };
  }

  /**
   * Whether the measured window is a steady state (MODEL.md §9.5), per
   * station (an instance, a shard, or a pooled group), with how many
   * requests would be enough:
   *
   * 1. A saturated station whose backlog is still growing (it grew by more
   *    than 2% of what the station served, and at least 10 requests, while
   *    busy ≥ 95% of the time). Its queue grows at λ − cμ, and a request
   *    arriving at t waits (λ − cμ)·t / cμ = (ρ − 1)·t, until waits reach
   *    the timeout T at T / (ρ − 1); a request gives up only when it reaches
   *    the head of the queue, so the station then holds everyone who arrived
   *    in the last T, reached T later: the steady state starts at
   *    t* = T / (ρ − 1) + T = T·ρ / (ρ − 1), where ρ − 1 ≈ backlog growth /
   *    services completed in the window. The warm-up must cover it:
   *    warm-up requests ≥ Λ·t*, so
   *    requests ≥ Λ·t* / f (Λ the users' request rate, f the warm-up share;
   *    0.1 when no warm-up was asked for).
   * 2. Too few completions at the busiest station (highest busy fraction ρ,
   *    below 0.98): estimating its mean number in system, hence its mean wait,
   *    to ±10% at 95% confidence takes about n = 2·(1.96/0.1)²·(1+ρ)/(1−ρ)²
   *    completions (the M/M/1 asymptotic variance of the time-average number
   *    in system, 2ρ(1+ρ)/(1−ρ)⁴, over its squared mean; Whitt, "Planning
   *    queueing simulations", 1989). A conservative rule for M/M/c. The
   *    station completes `done / measured` services per measured request, so
   *    requests ≥ n · measured / done / (1 − f).
   */
  private steadyStateWarnings(offered: OfferedLoad, measured: number): string[] {
    const warnings: string[] = [];
    const window = this.tEnd - this.tWarm;
    if (measured <= 0 || !(window > 0)) return warnings;
    const net = this.net;
    const units = this.unitNode.length;
    const f = this.warmupFraction > 0 ? this.warmupFraction : 0.1;
    const lambdaPerMs = offered.total / 1000;
    const name = (u: number) => {
      const v = this.unitNode[u];
      return this.unitCount[v] > 1 ? `station ${u - this.unitStart[v] + 1} of ${this.unitCount[v]} of ${net.ids[v]}` : net.ids[v];
    };
    // 1. Saturated and still growing: the station that needs the longest warm-up.
    let worst = -1;
    let worstT = 0;
    let busiest = -1;
    let busiestRho = -1;
    for (let u = 0; u < units; u++) {
      this.account(u, this.tEnd);
      const rho = this.area[u] / (window * this.unitCores[u]);
      const d = this.done[u];
      const growth = this.inAtEnd[u] - this.inAtWarm[u];
      if (d > 0 && rho >= 0.95 && growth >= 10 && growth > 0.02 * d) {
        // t* = T·ρ/(ρ − 1) with ρ − 1 ≈ growth / d.
        const tStar = (TIMEOUT_MS * (d + growth)) / growth;
        if (tStar > worstT) {
          worstT = tStar;
          worst = u;
        }
      }
      if (d > 0 && rho > busiestRho) {
        busiestRho = rho;
        busiest = u;
      }
    }
    if (worst >= 0) {
      const d = this.done[worst];
      const growth = this.inAtEnd[worst] - this.inAtWarm[worst];
      const enough = roundUp((lambdaPerMs * worstT) / f);
      warnings.push(
        `The simulated time is too short for a steady state: ${name(worst)} is saturated and its backlog is still growing ` +
          `(${formatInteger(growth)} more requests in it at the end of the measured ${formatNumber(window / 1000)} s than at its start, while it completed ${formatInteger(d)}). ` +
          `Its queue fills until it holds every request of the last ${formatNumber(TIMEOUT_MS / 1000)} s (the timeout T), at t* = T × ρ / (ρ − 1) with ρ − 1 ≈ backlog growth / completed = ${formatNumber(growth / d)}: ` +
          `t* ≈ ${formatNumber(worstT / 1000)} s. The warm-up must cover it: requests ≥ Λ × t* / warm-up share = ${formatRps(offered.total)} × ${formatNumber(worstT / 1000)} s / ${formatNumber(f)} ≈ ${formatInteger(enough)}; ` +
          `simulate ${formatInteger(enough)} requests or more (this run had ${formatInteger(this.requests)}).`,
      );
    }
    if (busiest >= 0 && busiestRho < 0.98) {
      const rho = busiestRho;
      const d = this.done[busiest];
      const n = Math.ceil((2 * (1.96 / 0.1) ** 2 * (1 + rho)) / (1 - rho) ** 2);
      if (d < n) {
        const enough = roundUp((n * measured) / d / (1 - (this.warmupFraction > 0 ? this.warmupFraction : 0)));
        warnings.push(
          `Too few completions for a steady state at the busiest station, ${name(busiest)} (busy ${formatNumber(rho * 100)}% of the time): it completed ${formatInteger(d)}, ` +
            `and its mean wait to ±10% (95% confidence) takes n ≥ 2 × (1.96 / 0.1)² × (1 + ρ) / (1 − ρ)² = ${formatInteger(n)} completions. ` +
            `At ${formatNumber(d / measured)} completions there per measured request, that is requests ≥ n / ${formatNumber(d / measured)} / (1 − warm-up share) ≈ ${formatInteger(enough)}; ` +
            `simulate ${formatInteger(enough)} requests or more (this run had ${formatInteger(this.requests)}).`,
        );
      }
    }
    return warnings;
  }
}

/** Up to two significant digits, rounded up: 43,217 → 44,000. */
function roundUp(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return 0;
  const p = 10 ** Math.max(0, Math.floor(Math.log10(x)) - 1);
  return Math.ceil(x / p) * p;
}
