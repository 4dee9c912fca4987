/**
 * Worked examples of the model's version 2 mechanisms, computed by the
 * engine when the model page is built (never typed by hand): availability
 * with detect + restore and deploys, user-perceived latency, the latency
 * breakdown, a relational store's buffer pool and IOPS, the bill's lines, the
 * flash crowd and the with/without comparisons.
 */
import { CATALOG, evaluate, STORAGE, type CostLine, type Design, type DesignNode, type Evaluation, type NodeStorageIo, type StageResult } from '@/lib/engine';
import { REFERENCE_DESIGNS } from '@/lib/learn/reference-designs';

function design(nodes: DesignNode[], edges: [string, string][], users: number): Design {
  return { schemaVersion: 1, name: 'example', workload: { users }, nodes, edges: edges.map(([source, target], i) => ({ id: `e${i}`, source, target })) };
}

function reference(stage: number): Design {
  const r = REFERENCE_DESIGNS.find((d) => d.stage === stage);
  if (!r) throw new Error(`no reference design for stage ${stage}`);
  return r.design;
}

const users = { id: 'users', kind: 'users' } as const;
const monitoring = { id: 'monitoring', kind: 'monitoring' } as const;

function stageOf(d: Design, stage: number): StageResult {
  return evaluate(d, undefined, { stages: true }).stages[stage - 1];
}

function checkValue(s: StageResult, id: string): number {
  const c = s.checks.find((x) => x.id === id);
  if (!c || c.value === null) throw new Error(`stage ${s.stage} has no value for check ${id}`);
  return c.value;
}

export interface V2Examples {
  loneApp: number;
  loneAppMonitored: number;
  twoBehindLb: number;
  loneDb: number;
  loneDbMonitored: number;
  standbyDb: number;
  stage2Shape: number;
  stage2Monitored: number;
  stage2TwoNoLb: number;
  stage2Standby: number;
  stage2StandbyMonitored: number;
  stage3Shape: number;
  stage3Standby: number;
  stage8: number;
  latency: {
    serverStaticP95: number;
    regionalStaticP95: number;
    globalStaticP95: number;
    cdnStaticP95: number;
    breakdown: Evaluation['endToEnd']['breakdown']['read'];
  };
  /** The stage 4 reference's read replicas at 1,000,000 users (MODEL.md §9.2). */
  storage: { label: string; dataGB: number; bufferGB: number; io: NodeStorageIo; cpuReadMs: number };
  /** The stage 8 reference's bill as lines (every component summed into one). */
  bill: { totalUsd: number; componentsUsd: number; loggingUsd: number; lines: CostLine[]; transferGB: number; logIngestionGB: number };
  flash: { stage7: number; stage8: number };
  comparisons: { cache: string; separate: string; services: string };
}

let cached: V2Examples | null = null;

export function v2Examples(): V2Examples {
  if (cached) return cached;
  const app = (params?: DesignNode['params']): DesignNode => ({ id: 'app', kind: 'app-server', params });
  const db = (params?: DesignNode['params']): DesignNode => ({ id: 'db', kind: 'database', params });
  const av = (d: Design, id?: string) => {
    const e = evaluate(d, undefined, { stages: false });
    return id ? e.nodes[id].availability : e.endToEnd.availability;
  };
  const stage2 = (extra: DesignNode[] = [], appParams?: DesignNode['params'], dbParams?: DesignNode['params']) =>
    design([users, app(appParams), db(dbParams), ...extra], [['users', 'app'], ['app', 'db']], 10_000);
  const stage3 = (dbParams?: DesignNode['params']) =>
    design(
      [users, { id: 'lb', kind: 'load-balancer' }, app({ instances: 2, stateless: true }), db(dbParams)],
      [['users', 'lb'], ['lb', 'app'], ['app', 'db']],
      100_000,
    );
  const e4 = (audience: 'regional' | 'global') => evaluate(reference(4), { users: 1_000_000, audience }, { stages: false });
  const regional = e4('regional');
  const global = e4('global');
  const e5 = evaluate(reference(5), { users: 5_000_000, audience: 'global' }, { stages: false });
  const s5 = stageOf(reference(5), 5);
  const s2 = stageOf(reference(2), 2);
  const s7 = stageOf(reference(7), 7);
  const replicas = Object.values(regional.nodes).find((n) => n.kind === 'read-replica' && n.storageIo);
  if (!replicas?.storageIo) throw new Error('the stage 4 reference has no read replica with storage figures');
  const e8 = evaluate(reference(8), undefined, { stages: false });
  const w4 = regional.workload;
  const summary = (s: StageResult, practice: string) => s.checks.find((c) => c.id === `practice:${practice}`)?.comparison?.summary ?? '';
  cached = {
    loneApp: av(stage2(), 'app'),
    loneAppMonitored: av(stage2([monitoring]), 'app'),
    twoBehindLb: av(stage3(), 'app'),
    loneDb: av(stage2(), 'db'),
    loneDbMonitored: av(stage2([monitoring]), 'db'),
    standbyDb: av(stage2([], undefined, { standby: true }), 'db'),
    stage2Shape: av(stage2()),
    stage2Monitored: av(stage2([monitoring])),
    stage2TwoNoLb: av(stage2([], { instances: 2 })),
    stage2Standby: av(stage2([], undefined, { standby: true })),
    stage2StandbyMonitored: av(stage2([monitoring], undefined, { standby: true })),
    stage3Shape: av(stage3()),
    stage3Standby: av(stage3({ standby: true })),
    stage8: evaluate(reference(8), undefined, { stages: false }).endToEnd.availability,
    latency: {
      serverStaticP95: regional.endToEnd.latencyMs.static.p95,
      regionalStaticP95: regional.endToEnd.latencyMs.userPerceived.static.p95,
      globalStaticP95: global.endToEnd.latencyMs.userPerceived.static.p95,
      cdnStaticP95: e5.endToEnd.latencyMs.userPerceived.static.p95,
      breakdown: regional.endToEnd.breakdown.read,
    },
    storage: {
      label: replicas.label,
      dataGB: replicas.storageGB,
      bufferGB: replicas.cores * STORAGE.memoryGBPerCore.value * STORAGE.bufferShare.value,
      io: replicas.storageIo,
      cpuReadMs: w4.queriesPerRead * readQueryMs(),
    },
    bill: {
      totalUsd: e8.cost.totalUsd,
      componentsUsd: e8.cost.lines.filter((l) => l.type === 'component').reduce((a, l) => a + l.usd, 0),
      loggingUsd: e8.cost.lines.filter((l) => l.type === 'component' && e8.nodes[l.id]?.kind === 'logging').reduce((a, l) => a + l.usd, 0),
      lines: e8.cost.lines.filter((l) => l.type !== 'component'),
      transferGB: e8.cost.transferGB,
      logIngestionGB: e8.cost.logIngestionGB,
    },
    flash: { stage7: checkValue(stageOf(reference(7), 8), 'flash-crowd'), stage8: checkValue(stageOf(reference(8), 8), 'flash-crowd') },
    comparisons: { cache: summary(s5, 'cache-for-reads'), separate: summary(s2, 'separate-data-store'), services: summary(s7, 'services-own-data') },
  };
  return cached;
}

function readQueryMs(): number {
  return CATALOG['read-replica'].defaults.serviceMs!.value.read;
}
