import { CATALOG, NETWORK, WORKLOAD_DEFAULTS, type Kind, type KindDefaults } from '@/lib/engine';
import { AUDIENCE } from '@/lib/engine/catalog';
import { formatAvailability, formatUsd } from '@/lib/content/format';
import { getStageFact } from '@/lib/content/stage-facts';

/**
 * Model figures quoted in the prose, read from the engine's catalog at build
 * time so the text always says what the scorer uses. Each renders the value
 * with a dotted underline and the engine's own source note as its tooltip.
 */

const num = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

function Value({ children, source }: { children: React.ReactNode; source: string }) {
  return (
    <span
      className="font-medium text-slate-900 tabular-nums underline decoration-slate-300 decoration-dotted underline-offset-4"
      title={`ScaleLab model: ${source}`}
      data-model-value
    >
      {children}
    </span>
  );
}

type Param = 'cores' | 'hitRatio' | 'latencyMs' | 'capacityRps' | 'applyFactor' | 'replicationFactor' | 'maxStorageGB' | `serviceMs.${'static' | 'read' | 'write'}`;

/** A catalog default: `<ModelDefault kind="database" param="serviceMs.write" />` → "4 ms". */
export function ModelDefault({ kind, param }: { kind: Kind; param: Param }) {
  const spec = CATALOG[kind];
  if (!spec) throw new Error(`<ModelDefault>: unknown kind "${kind}"`);
  const [key, sub] = param.split('.') as [keyof KindDefaults, string | undefined];
  const entry = spec.defaults[key] as { value: unknown; source: string } | undefined;
  if (!entry) throw new Error(`<ModelDefault>: ${kind} has no default "${param}"`);
  const raw = sub ? (entry.value as Record<string, number>)[sub] : entry.value;
  if (typeof raw !== 'number') throw new Error(`<ModelDefault>: ${kind}.${param} is not a number`);
  let text: string;
  if (key === 'serviceMs' || key === 'latencyMs') text = `${num.format(raw)} ms`;
  else if (key === 'hitRatio' || key === 'applyFactor') text = `${Math.round(raw * 100)}%`;
  else if (key === 'capacityRps') text = `${num.format(raw)} requests/s`;
  else if (key === 'maxStorageGB') text = `${num.format(raw)} GB`;
  else text = num.format(raw);
  return <Value source={entry.source}>{text}</Value>;
}

const WORKLOAD_UNITS: Partial<Record<keyof typeof WORKLOAD_DEFAULTS, (v: number) => string>> = {
  peakFactor: (v) => `${v}×`,
  staticShare: (v) => `${Math.round(v * 100)}%`,
  readRatio: (v) => `${Math.round(v * 100)}%`,
  asyncShare: (v) => `${Math.round(v * 100)}%`,
  jobServiceMs: (v) => `${v} ms`,
  staticKB: (v) => `${v} KB`,
  dynamicKB: (v) => `${v} KB`,
  dataPerUserMB: (v) => `${v} MB`,
};

/** A workload default: `<ModelWorkload field="peakFactor" />` → "3×". */
export function ModelWorkload({ field }: { field: keyof typeof WORKLOAD_DEFAULTS }) {
  const v = WORKLOAD_DEFAULTS[field];
  if (typeof v !== 'number') throw new Error(`<ModelWorkload>: unknown field "${field}"`);
  return <Value source="MODEL.md §1.2 workload defaults">{(WORKLOAD_UNITS[field] ?? num.format)(v)}</Value>;
}

/** A network figure: `<ModelNetwork field="acrossRegionsMs" />` → "70 ms". */
export function ModelNetwork({ field }: { field: keyof typeof NETWORK }) {
  const entry = NETWORK[field];
  if (!entry || typeof entry.value !== 'number') throw new Error(`<ModelNetwork>: unknown field "${field}"`);
  const v = entry.value;
  const text =
    field === 'regionAvailability'
      ? formatAvailability(v)
      : field === 'failoverMttrHours'
        ? `${num.format(v * 60)} min`
        : field === 'timeoutMs'
          ? `${num.format(v / 1000)} s`
          : `${num.format(v)} ms`;
  return <Value source={entry.source}>{text}</Value>;
}

/**
 * The round trips of an audience (MODEL.md §9.4): `<ModelRoundTrip of="regional" />`
 * → "20–40 ms", `of="global"` → "20–230 ms", `of="cdnEdge"` → "12–38 ms".
 */
export function ModelRoundTrip({ of }: { of: 'regional' | 'global' | 'cdnEdge' }) {
  const entry = AUDIENCE[of];
  if (!entry) throw new Error(`<ModelRoundTrip>: unknown audience "${of}"`);
  const trips = entry.value.map((b) => b.rttMs);
  const lo = Math.min(...trips);
  const hi = Math.max(...trips);
  return <Value source={entry.source}>{lo === hi ? `${num.format(lo)} ms` : `${num.format(lo)}–${num.format(hi)} ms`}</Value>;
}

/**
 * One compute instance's availability, MTBF / (MTBF + MTTR), as the model
 * figures it; `monitored` uses the shorter repair time monitoring buys.
 * `show="mtbf"` or `"mttr"` renders the inputs instead.
 */
export function InstanceAvailability({ monitored = false, show = 'availability' }: { monitored?: boolean; show?: 'availability' | 'mtbf' | 'mttr' }) {
  const fig = CATALOG['app-server'].defaults.availability;
  if (fig.value.type !== 'instance') throw new Error('<InstanceAvailability>: app-server is not an instance kind');
  const { mtbfHours, mttrHours, mttrMonitoredHours } = fig.value;
  const mttr = monitored ? mttrMonitoredHours : mttrHours;
  let text: string;
  if (show === 'mtbf') text = `${num.format(mtbfHours / 24)} days`;
  else if (show === 'mttr') text = mttr >= 1 ? `${num.format(mttr)} h` : `${num.format(mttr * 60)} min`;
  else text = formatAvailability(Math.round((mtbfHours / (mtbfHours + mttr)) * 1e6) / 1e6);
  return <Value source={fig.source}>{text}</Value>;
}

/**
 * One of a stage's targets as the scorer holds it:
 * `<StageTarget stage={3} show="availability" />` → "99.5%".
 */
export function StageTarget({ stage, show }: { stage: number; show: 'users' | 'p95' | 'availability' | 'budget' }) {
  const fact = getStageFact(stage);
  if (!fact) throw new Error(`<StageTarget>: there is no stage ${stage}`);
  const text =
    show === 'users'
      ? num.format(fact.users)
      : show === 'p95'
        ? `${num.format(fact.p95ReadMs)} ms`
        : show === 'availability'
          ? formatAvailability(fact.availability)
          : formatUsd(fact.budgetUsd);
  return <Value source={`stage ${stage} target (MODEL.md §6)`}>{text}</Value>;
}
