/**
 * Findings (MODEL.md §6): what is wrong or risky, in plain words, with the
 * load class that dominates a hot node and the technique that removes it,
 * and the lesson that teaches the fix.
 */
import { technologyFindings } from './consistency';
import { NETWORK, WAREHOUSE } from './catalog';
import { formatDuration, formatGB, formatInteger, formatPercent, formatRps, formatUsd } from '../shared/format';
import * as codes from './compile';
import { type CompiledNetwork } from './compile';
import type { Finding, LoadCategory, Severity } from './evaluation';
import type { LessonId } from './lessons';
import * as pipeline from './pipeline';
import { NWORK as NWORK_, type RegionCheck, type RunState } from './run';
import { ownsLoadFinding, partitionBound, storeQueueFindings, storeQueueSpof } from './tech-stores-queues-run';

// Local copies: imported bindings can be live getters under some module loaders (tsx/CJS).
const { READ, WRITE } = codes;
const NWORK = NWORK_;

const CATEGORIES: readonly LoadCategory[] = ['static', 'read', 'write', 'job', 'inline-job', 'replica-apply', 'replication'];

const CATEGORY_WORDS: Record<LoadCategory, string> = {
  static: 'static files',
  read: 'reads',
  write: 'writes',
  job: 'background jobs',
  'inline-job': 'background jobs run inline',
  'replica-apply': "replaying the primary's writes",
  replication: 'replicating writes',
};

/** Utilisation above which a node is reported as hot. */
export const HOT_UTILIZATION = 0.8;

export function dominantLoad(st: RunState, v: number): { category: LoadCategory | null; share: number } {
  let best = -1;
  let total = 0;
  for (let c = 0; c < NWORK; c++) {
    const w = st.work[v * NWORK + c];
    total += w;
    if (w > 0 && (best < 0 || w > st.work[v * NWORK + best])) best = c;
  }
  if (best < 0) {
    // Rated kinds do no CPU work: name the class with the most traffic.
    let cls = -1;
    let sum = 0;
    for (let k = 0; k < 4; k++) {
      sum += st.arrival[v * 4 + k];
      if (st.arrival[v * 4 + k] > 0 && (cls < 0 || st.arrival[v * 4 + k] > st.arrival[v * 4 + cls])) cls = k;
    }
    if (cls < 0) return { category: null, share: 0 };
    return { category: CATEGORIES[cls], share: st.arrival[v * 4 + cls] / sum };
  }
  return { category: CATEGORIES[best], share: st.work[v * NWORK + best] / total };
}

const pct = (x: number) => formatPercent(x);

/** A node as the learner sees it: its kind and, when it has its own name, that name ("App server \"checkout\""). */
function name(net: CompiledNetwork, v: number): string {
  const kind = net.specs[v].label;
  return net.labels[v] === kind ? kind : `${kind} "${net.labels[v]}"`;
}

function hasTargetKind(net: CompiledNetwork, v: number, kind: string): boolean {
  for (let j = net.outStart[v]; j < net.outStart[v + 1]; j++) if (net.kinds[net.outTarget[j]] === kind) return true;
  return false;
}

/** The technique that removes a node's dominant load, and its lesson. */
function remedy(net: CompiledNetwork, st: RunState, v: number, cat: LoadCategory): { fix: string; lessonId: LessonId } {
  const kind = net.kinds[v];
  const instances = st.instances[v];
  switch (kind) {
    case 'server':
      if (cat === 'static') return { fix: 'Serve static files from a CDN so they never reach the server.', lessonId: 'stage-5-cache-cdn' };
      if (cat === 'inline-job') return { fix: 'Move background jobs to a queue with workers.', lessonId: 'stage-6-async-queues' };
      return { fix: 'Move the data to its own database node so the server only runs the app.', lessonId: 'stage-2-separate-database' };
    case 'app-server':
    case 'service':
      if (cat === 'static') return { fix: 'Put a CDN in front for static files so they never reach the app servers.', lessonId: 'stage-5-cache-cdn' };
      if (cat === 'inline-job') return { fix: 'Move background jobs to a queue with workers so writes stop waiting for them.', lessonId: 'stage-6-async-queues' };
      if (instances <= 1 && !net.autoscaled[v]) return { fix: 'Run more instances behind a load balancer.', lessonId: 'stage-3-load-balancer' };
      return { fix: 'Add instances (or autoscale with a higher maximum).', lessonId: 'guide-bottlenecks' };
    case 'database':
      if (cat === 'read') {
        if (!hasTargetKind(net, v, 'read-replica')) return { fix: 'Add read replicas to take the reads (or a cache in front of them).', lessonId: 'stage-4-replication-sharding' };
        return { fix: 'Put a cache in front of reads.', lessonId: 'stage-5-cache-cdn' };
      }
      return { fix: 'Shard the database so each shard takes a part of the writes and the data.', lessonId: 'guide-sharding' };
    case 'read-replica':
      if (cat === 'replica-apply') return { fix: 'Shard the primary so each replica replays fewer writes.', lessonId: 'guide-sharding' };
      return { fix: 'Add replica instances, or a cache in front of reads.', lessonId: 'guide-caching' };
    case 'nosql':
      return { fix: 'Add nodes to the store (and spread hot keys).', lessonId: 'guide-sharding' };
    case 'cache':
      return { fix: 'Add cache instances to spread the keys.', lessonId: 'guide-caching' };
    case 'worker':
      return { fix: 'Add workers, or autoscale them.', lessonId: 'guide-queues' };
    case 'object-storage':
      return { fix: 'Spread objects over more key prefixes (instances), and put a CDN in front.', lessonId: 'guide-cdn' };
    // Cloud-native kinds (docs/model.md §14.3).
    case 'serverless':
      return { fix: 'Raise its concurrency limit (1,000 per region by default): each environment runs one invocation at a time and at most 10 a second.', lessonId: 'guide-bottlenecks' };
    case 'container-cluster':
      if (cat === 'static') return { fix: 'Put a CDN in front for static files so they never reach the pods.', lessonId: 'stage-5-cache-cdn' };
      return { fix: 'Add pods (or autoscale with a higher maximum); the nodes follow.', lessonId: 'guide-bottlenecks' };
    case 'queue':
      return { fix: 'Add brokers (instances) to the queue.', lessonId: 'guide-queues' };
    case 'stream-processor':
      return { fix: 'Add instances or slots (cores), up to the partitions of the log it reads.', lessonId: 'guide-queues' };
    case 'warehouse':
      return { fix: 'Add units (instances) to the warehouse.', lessonId: 'guide-bottlenecks' };
    default:
      return { fix: 'Add instances.', lessonId: 'guide-bottlenecks' };
  }
}

const CLASS_WORDS = ['static files', 'reads', 'writes', 'background jobs'];

function unhandledAdvice(net: CompiledNetwork, v: number, cls: number): { fix: string; lessonId: LessonId } {
  const kind = net.kinds[v];
  if (kind === 'users') return { fix: 'Connect Users to the component that answers them (a server, a load balancer or DNS).', lessonId: 'stage-1-single-server' };
  if (kind === 'cdn') return { fix: 'Connect the CDN to an origin (object storage or the app tier) so misses can be fetched.', lessonId: 'guide-cdn' };
  if (kind === 'cache') return { fix: 'Connect the cache to the data store it fronts so misses can be read there.', lessonId: 'guide-caching' };
  if (kind === 'queue') return { fix: 'Connect the queue to workers.', lessonId: 'stage-6-async-queues' };
  if ((kind === 'app-server' || kind === 'service' || kind === 'serverless' || kind === 'container-cluster') && (cls === READ || cls === WRITE)) {
    return { fix: 'Connect it to a database (or another data store).', lessonId: 'stage-2-separate-database' };
  }
  if (kind === 'load-balancer' || kind === 'api-gateway' || kind === 'rate-limiter' || kind === 'dns') {
    return { fix: `Connect it to components that accept ${CLASS_WORDS[cls]} (app servers or services).`, lessonId: 'guide-wiring' };
  }
  return { fix: `Connect it to a component that accepts ${CLASS_WORDS[cls]}.`, lessonId: 'guide-wiring' };
}

function push(out: Finding[], severity: Severity, code: string, nodeId: string | null, message: string, lessonId: LessonId) {
  out.push({ severity, code, nodeId, message, lessonId });
}

/** All findings of one run, errors first, then warnings, then notes; in traffic order within each. */
export function collectFindings(st: RunState, regionChecks: readonly RegionCheck[]): Finding[] {
  const net = st.net;
  const out: Finding[] = [];
  const w = st.workload;
  if (net.usersNodes.length === 0) {
    push(out, 'error', 'no-users', null, 'There is no Users node, so no request enters the design. Add Users and connect them to the first component.', 'stage-1-single-server');
  }
  for (let idx = 0; idx < net.n; idx++) {
    const v = net.topo[idx];
    const id = net.ids[v];
    const kind = net.kinds[v];
    for (let cls = 0; cls < 4; cls++) {
      const u = st.unhandled[v * 4 + cls];
      if (u > 1e-12) {
        const advice = unhandledAdvice(net, v, cls);
        push(out, 'error', 'unhandled-traffic', id, `${name(net, v)} has ${CLASS_WORDS[cls]} (${formatRps(u)}) with nowhere to go, so they fail. ${advice.fix}`, advice.lessonId);
      }
    }
    const util = st.utilization[v];
    const ioBound = (kind === 'database' || kind === 'read-replica') && st.ioUtilization[v] >= util - 1e-12 && st.ioUtilization[v] > 0;
    if ((st.saturated[v] || util > HOT_UTILIZATION) && ioBound) {
      // Storage, not CPU, is what runs out (MODEL.md §9.2).
      const hit = st.bufferHit[v];
      const state = st.saturated[v] ? `is saturated by storage at ${pct(util)} of its volume's IOPS, so ${pct(1 - st.servedFrac[v])} of its requests fail` : `uses ${pct(util)} of its volume's IOPS`;
      push(
        out,
        st.saturated[v] ? 'error' : 'warning',
        st.saturated[v] ? 'saturated' : 'hot',
        id,
        `${name(net, v)} ${state}: ${formatInteger(st.iops[v])} storage operations a second against ${formatInteger(st.iopsLimit[v])}. Its buffer pool answers ${pct(hit)} of page reads; the rest of its data lives on disk. A larger size (more RAM), a cache in front of reads, or more replicas take page reads off the disk.`,
        kind === 'read-replica' ? 'stage-5-cache-cdn' : 'guide-caching',
      );
    } else if ((st.saturated[v] || util > HOT_UTILIZATION) && !(net.storesQueues.code[v] !== 0 && ownsLoadFinding(net, v))) {
      const dom = dominantLoad(st, v);
      if (dom.category) {
        const r = remedy(net, st, v, dom.category);
        const where = kind === 'database' && net.shards[v] > 1 ? ' (hottest shard)' : '';
        const state = st.saturated[v]
          ? `is saturated at ${pct(util)} of capacity${where}, so ${pct(1 - st.servedFrac[v])} of its requests fail`
          : `is at ${pct(util)} of capacity${where}, where waiting time climbs steeply`;
        push(
          out,
          st.saturated[v] ? 'error' : 'warning',
          st.saturated[v] ? 'saturated' : 'hot',
          id,
          `${name(net, v)} ${state}. ${CATEGORY_WORDS[dom.category][0].toUpperCase()}${CATEGORY_WORDS[dom.category].slice(1)} make up ${pct(dom.share)} of its work. ${r.fix}`,
          r.lessonId,
        );
      }
    }
    if (st.storageFull[v]) {
      const gb = st.storageGB[v];
      const max = net.maxStorageGB[v];
      const perCopy = kind === 'nosql' ? (gb * Math.min(net.replicationFactor[v], Math.max(1, net.instances[v]))) / Math.max(1, net.instances[v]) : kind === 'database' ? gb / net.shards[v] : gb;
      const needed = kind === 'database' ? Math.ceil(gb / max) : Math.ceil(perCopy / max);
      push(
        out,
        'error',
        'storage-full',
        id,
        `${name(net, v)} must hold ${formatGB(perCopy)} per ${kind === 'database' ? 'shard' : 'instance'}, more than the ${formatGB(max)} one instance holds. ${kind === 'database' ? `Split the data over at least ${needed} shards.` : kind === 'nosql' ? 'Add nodes to the store.' : 'Move the data to a sharded database.'}`,
        'guide-sharding',
      );
    }
    if (st.spof[v]) {
      // Why it is a single point of failure (MODEL.md §9.3): one instance,
      // instances nothing routes around, or n instances all needed to carry
      // the load (then the fix is spare capacity, not a second instance).
      let lessonId: LessonId = 'guide-reliability';
      const have = st.have[v];
      const compute = kind === 'app-server' || kind === 'server' || kind === 'service';
      let why: string;
      let fix: string;
      const tech = net.storesQueues.code[v] !== 0 ? storeQueueSpof(st, v) : null;
      if (tech) {
        why = tech.why;
        fix = tech.fix;
        lessonId = 'guide-reliability';
      } else if (kind === 'database') {
        lessonId = 'stage-4-replication-sharding';
        why = `it is one primary${net.shards[v] > 1 ? ' per shard' : ''}: a failure takes it down until it is restored from backup (about ${NETWORK.restoreFromBackupHours.value} h)`;
        fix = 'Add a standby (or a read replica with automatic failover) so the primary can fail over in 1–2 minutes.';
      } else if (kind === 'nosql') {
        why = 'its replication factor leaves no quorum when one node fails';
        fix = 'Use a replication factor of at least 3 so a quorum survives one failure.';
      } else if (have <= 1) {
        why = 'it is one instance';
        fix = compute ? 'Run at least one more instance than the load needs, behind a load balancer.' : 'Add a second instance behind something that routes around a failure.';
        if (compute) lessonId = 'stage-3-load-balancer';
      } else if (!net.behindSplitter[v]) {
        why = `nothing routes around a failed instance of its ${formatInteger(have)}, so each failure drops that instance's share of requests`;
        fix = 'Put its instances behind a load balancer or gateway that health-checks them.';
        lessonId = 'stage-3-load-balancer';
      } else {
        why = `all ${formatInteger(have)} instances are needed to carry the load, so one failure drops requests`;
        fix = 'Add spare capacity: at least one more instance than the load needs.';
      }
      push(out, 'warning', 'spof', id, `${name(net, v)} is a single point of failure: ${why}. ${fix}`, lessonId);
    }
    if (kind === 'queue' && st.backlogJobs[v] > 0) {
      const drain = st.drainSeconds[v];
      if (drain < 0) {
        // Behind a Kafka topic only one worker per partition consumes (docs/model.md §14.2).
        const fix = partitionBound(st, v) ? 'Add partitions (each feeds one worker) and workers.' : 'Add workers.';
        push(out, 'error', 'queue-never-drains', id, `Workers behind ${name(net, v)} handle fewer jobs than arrive even on average, so its backlog grows without end. ${fix}`, 'guide-queues');
      } else {
        push(
          out,
          'info',
          'queue-backlog',
          id,
          `${name(net, v)} builds a backlog of ${formatInteger(st.backlogJobs[v])} jobs over the peak hour and drains it in ${formatDuration(drain)}. That is fine if jobs may wait that long; otherwise add workers.`,
          'guide-queues',
        );
      }
    }
    pipelineFindings(out, st, v);
    if ((kind === 'app-server' || kind === 'service' || kind === 'server') && st.inlineJobMs[v] > 0 && st.processed[v * 4 + WRITE] > 0 && w.asyncShare > 0) {
      push(
        out,
        'info',
        'inline-jobs',
        id,
        `${name(net, v)} runs background jobs inline: ${pct(w.asyncShare)} of writes wait ${Math.round(st.inlineJobMs[v])} ms longer. ${
          // The single box never hands jobs on (MODEL.md §2.1): the fix starts with app servers.
          kind === 'server' ? 'App servers handing jobs to a queue with workers take them off the request path.' : 'A queue with workers takes them off the request path.'
        }`,
        'stage-6-async-queues',
      );
    }
    if ((kind === 'app-server' || kind === 'service') && !net.stateless[v] && (st.instances[v] > 1 || net.groupOf[v] >= 0) && st.arrival[v * 4] + st.arrival[v * 4 + 1] + st.arrival[v * 4 + 2] > 0) {
      push(out, 'warning', 'stateful-app-tier', id, `${name(net, v)} keeps sessions in memory, so a user whose next request lands on another instance is logged out. Make it stateless (sessions in a shared store).`, 'stage-3-load-balancer');
    }
    if (kind === 'read-replica' && net.primaryOf[v] < 0) {
      push(out, 'warning', 'replica-without-primary', id, `${name(net, v)} has no database primary connected to it, so nothing keeps it up to date. Connect the primary to the replica.`, 'guide-replication');
    }
    if (kind === 'rate-limiter' && st.shedFrac[v] > 0) {
      const shed = st.shed[v * 4] + st.shed[v * 4 + 1] + st.shed[v * 4 + 2];
      push(out, 'warning', 'shedding', id, `${name(net, v)} turns away ${formatRps(shed)} (${pct(st.shedFrac[v])}) at peak. Raise its limit or add capacity behind it if that traffic is legitimate.`, 'guide-rate-limiting');
    }
    // Key-value stores, queues and balancers of a technology explain their own numbers (docs/model.md §14.2).
    if (net.storesQueues.code[v] !== 0) storeQueueFindings(st, v, out);
    const total = st.arrival[v * 4] + st.arrival[v * 4 + 1] + st.arrival[v * 4 + 2] + st.arrival[v * 4 + 3];
    if (total <= 0 && net.specs[v].model !== 'none' && net.specs[v].model !== 'source' && st.costUsd[v] > 0 && !(kind === 'read-replica' && net.primaryOf[v] >= 0)) {
      push(out, 'info', 'idle', id, `${name(net, v)} receives no traffic but still costs money. Connect it or remove it.`, 'guide-cost');
    }
  }
  for (const c of regionChecks) {
    if (!c.carried) {
      push(
        out,
        'warning',
        'region-not-covered',
        c.saturatedNodeId,
        `If ${c.region} fails, the other regions cannot carry its users${c.saturatedNodeId ? ` (${c.saturatedNodeId} saturates)` : ''}, so the regions count in series, not as backups. Give each region spare capacity.`,
        'guide-regions',
      );
    }
  }
  // Named technologies' own limits (docs/model.md §14.1); a design without one gets none of these.
  if (net.technology.some((t) => t !== '')) out.push(...technologyFindings(st));
  // Stable order: errors, then warnings, then notes.
  const sorted: Finding[] = [];
  for (const severity of ['error', 'warning', 'info'] as const) {
    for (let i = 0; i < out.length; i++) if (out[i].severity === severity) sorted.push(out[i]);
  }
  return sorted;
}

/** Stream processors' consumer lag, analytics on a primary, a warehouse's numbers (docs/model.md §14.4). */
function pipelineFindings(out: Finding[], st: RunState, v: number) {
  const net = st.net;
  const kind = net.kinds[v];
  const id = net.ids[v];
  const w = st.workload;
  if (kind === 'stream-processor') {
    const r = pipeline.streamReport(st, v);
    const capped = r.parallelism < r.slots;
    const fix = capped
      ? `Only ${formatInteger(r.parallelism)} of its ${formatInteger(r.slots)} slots have a partition to read: add partitions to the log (then slots).`
      : 'Add instances or slots, and give the log at least as many partitions as slots.';
    const rate = `${formatInteger(r.peakEventsPerSecond)} events/s arrive at peak and it processes ${formatInteger(r.capacityEventsPerSecond)} (parallelism ${formatInteger(r.parallelism)})`;
    if (r.maxLagEvents > 0 && r.drainSeconds === null) {
      push(
        out,
        'error',
        'stream-lag-never-drains',
        id,
        `${name(net, v)} processes ${formatInteger(r.capacityEventsPerSecond)} events/s, no more than the average of ${formatInteger(r.averageEventsPerSecond)}/s, so its consumer lag grows without end (by ${formatInteger(r.lagGrowthEventsPerSecond)} events/s at peak). ${fix}`,
        'guide-queues',
      );
    } else if (r.maxLagEvents > 0) {
      push(
        out,
        'warning',
        'stream-lag',
        id,
        `${name(net, v)} falls behind at peak: ${rate}, so its consumer lag grows by ${formatInteger(r.lagGrowthEventsPerSecond)} events/s to ${formatInteger(r.maxLagEvents)} events (${formatDuration(r.maxLagSeconds)} behind) by the end of the peak hour, and it catches up ${formatDuration(r.drainSeconds ?? 0)} after the peak. ${fix}`,
        'guide-queues',
      );
    } else if (capped && r.peakEventsPerSecond > 0) {
      push(
        out,
        'info',
        'stream-idle-slots',
        id,
        `${name(net, v)} keeps up (${rate}), but the log has ${formatInteger(r.upstreamPartitions ?? 0)} partition${r.upstreamPartitions === 1 ? '' : 's'}, so ${formatInteger(r.slots - r.parallelism)} of its ${formatInteger(r.slots)} slots sit idle and cost money without adding throughput.`,
        'guide-queues',
      );
    }
  } else if (kind === 'database') {
    const a = pipeline.oltpAnalyticsReport(st, v);
    if (a) {
      const slower = st.oltpSlow[v] - 1;
      push(
        out,
        a.busyCores >= a.cores || a.volumeShare >= 1 ? 'error' : 'warning',
        'analytics-on-primary',
        id,
        `${formatInteger(a.queriesPerHour)} analytics queries an hour run on ${name(net, v)}: each scans ${formatGB(w.analyticsScanGB / Math.max(1, net.shards[v]))} at ${formatInteger(WAREHOUSE.oltpScanMBps.value)} MB/s (${formatDuration(a.scanSeconds)}), so scans hold ${a.busyCores.toFixed(1)} of its ${formatInteger(a.cores)} cores and ${pct(a.volumeShare)} of its volume's throughput${a.busyCores < a.cores ? `, and its own queries take ${pct(slower)} longer` : ', leaving its own queries nothing'}. A data warehouse fed by a pipeline takes the reports off the primary.`,
        'guide-bottlenecks',
      );
    }
  } else if (kind === 'warehouse') {
    const r = pipeline.warehouseReport(st, v);
    const queries =
      r.queriesPerHour > 0
        ? ` It answers ${formatInteger(r.queriesPerHour)} analytics queries an hour in about ${r.queryLatencySeconds.toFixed(r.queryLatencySeconds < 10 ? 1 : 0)} s each, scanning ${r.scannedTiBPerMonth.toFixed(1)} TiB a month (${formatUsd(r.scanUsdPerMonth)}), and none of them touch the primary database.`
        : ' No analytics queries run yet (workload.analyticsQueriesPerHour).';
    push(
      out,
      r.queryUtilization >= 1 ? 'warning' : 'info',
      r.queryUtilization >= 1 ? 'warehouse-queries-queue' : 'warehouse',
      id,
      `${name(net, v)} loads ${formatInteger(r.ingestEventsPerSecond)} events/s, ${formatGB(r.storageGBPerMonth)} a month at ${w.eventKB} KB an event (${formatGB(r.storedGB)} kept for ${WAREHOUSE.retentionMonths.value} months, ${formatUsd(r.storageUsdPerMonth)} a month).${queries}${
        r.queryUtilization >= 1 ? ` Its scans overlap (${pct(r.queryUtilization)} of its units' time), so queries queue: add units.` : ''
      }`,
      'guide-cost',
    );
  }
}

