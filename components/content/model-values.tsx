import { AUDIENCE, CATALOG, NETWORK, WORKLOAD_DEFAULTS, type Kind, type KindDefaults } from '@/lib/engine';
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
  queriesPerRead: (v) => `${v} queries`,
  queriesPerWrite: (v) => `${v} statements`,
  deploysPerDay: (v) => `${v} a day`,
  flashFactor: (v) => `${v}×`,
};

/** A workload default: `<ModelWorkload field="peakFactor" />` → "3×". */
export function ModelWorkload({ field }: { field: keyof typeof WORKLOAD_DEFAULTS }) {
  const v = WORKLOAD_DEFAULTS[field];
  if (typeof v === 'string') return <Value source="docs/model.md §1 workload defaults">{v}</Value>;
  if (typeof v !== 'number') throw new Error(`<ModelWorkload>: unknown field "${field}"`);
  return <Value source="docs/model.md §1 workload defaults">{(WORKLOAD_UNITS[field] ?? num.format)(v)}</Value>;
}

/** A duration in hours as a learner reads it: "30 min", "1 h", "1 h 30 min", "90 s". */
export function hoursText(h: number): string {
  const minutes = h * 60;
  if (minutes < 1.5 && !Number.isInteger(minutes)) return `${num.format(minutes * 60)} s`;
  if (minutes < 60) return `${num.format(minutes)} min`;
  const whole = Math.floor(h);
  const rest = Math.round((h - whole) * 60);
  return rest === 0 ? `${whole} h` : `${whole} h ${rest} min`;
}

/** A network or repair figure: `<ModelNetwork field="acrossRegionsMs" />` → "70 ms", `field="failoverMttrHours"` → "1.5 min". */
export function ModelNetwork({ field }: { field: keyof typeof NETWORK }) {
  const entry = NETWORK[field];
  if (!entry || typeof entry.value !== 'number') throw new Error(`<ModelNetwork>: unknown field "${field}"`);
  const v = entry.value;
  let text: string;
  if (field === 'regionAvailability') text = formatAvailability(v);
  else if (field === 'timeoutMs') text = `${num.format(v / 1000)} s`;
  else if (field === 'deployDowntimeMinutes') text = `${num.format(v)} min`;
  else if (field.endsWith('Hours')) text = field === 'failoverMttrHours' ? `${num.format(v * 60)} min` : hoursText(v);
  else text = `${num.format(v)} ms`;
  return <Value source={entry.source}>{text}</Value>;
}

/**
 * Where the users are (docs/model.md §4.2): `<ModelAudience field="global" />` →
 * "20–230 ms", `field="cdnEdge"` → "12–38 ms", `field="staticRoundTrips"` → "3".
 */
export function ModelAudience({ field }: { field: keyof typeof AUDIENCE }) {
  const entry = AUDIENCE[field];
  if (!entry) throw new Error(`<ModelAudience>: unknown field "${field}"`);
  const v = entry.value as number | readonly { share: number; rttMs: number }[];
  let text: string;
  if (typeof v === 'number') text = field === 'nearRttMs' ? `${num.format(v)} ms` : num.format(v);
  else {
    const rtts = v.map((b) => b.rttMs);
    text = `${num.format(Math.min(...rtts))}–${num.format(Math.max(...rtts))} ms`;
  }
  return <Value source={entry.source}>{text}</Value>;
}

/**
 * One compute instance's availability as the model figures it (docs/model.md
 * §5.1): MTBF / (MTBF + time to detect + time to restore), for an instance
 * replaced by hand (30 min to detect, 2 min with monitoring, then 1 h).
 * `show="mtbf"` or `"mttr"` renders the inputs instead. Deploy downtime and
 * automatic replacement behind a load balancer are not in this figure.
 */
export function InstanceAvailability({ monitored = false, show = 'availability' }: { monitored?: boolean; show?: 'availability' | 'mtbf' | 'mttr' }) {
  const fig = CATALOG['app-server'].defaults.availability;
  if (fig.value.type !== 'instance') throw new Error('<InstanceAvailability>: app-server is not an instance kind');
  const { mtbfHours } = fig.value;
  const mttr = (monitored ? NETWORK.detectMonitoredHours.value : NETWORK.detectHours.value) + NETWORK.restoreByHandHours.value;
  let text: string;
  if (show === 'mtbf') text = `${num.format(mtbfHours / 24)} days`;
  else if (show === 'mttr') text = hoursText(mttr);
  else text = formatAvailability(Math.round((mtbfHours / (mtbfHours + mttr)) * 1e6) / 1e6);
  const source = `${fig.source}. Detect: ${NETWORK[monitored ? 'detectMonitoredHours' : 'detectHours'].source}. Restore: ${NETWORK.restoreByHandHours.source}`;
  return <Value source={source}>{text}</Value>;
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
  return <Value source={`stage ${stage} target (docs/model.md §7)`}>{text}</Value>;
}
