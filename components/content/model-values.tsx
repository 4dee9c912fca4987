import { AUDIENCE, CATALOG, NETWORK, WORKLOAD_DEFAULTS, evaluate, type Kind, type KindDefaults, type RttBucket } from '@/lib/engine';
import { AVAILABILITY_SUBJECT, availabilityShapeDesign, type AvailabilityShape } from '@/lib/learn/example-designs';
import { formatAvailability, formatFraction, formatNumber, formatPercent, formatRps, formatUsd } from '@/lib/shared/format';
import { stageSpec } from '@/lib/rules/stages';

/**
 * Model figures quoted in the prose, read from the engine's catalog at build
 * time so the text always says what the scorer uses. Each renders the value
 * with a dotted underline and the engine's own source note as its tooltip.
 */

/** A catalog figure as the prose quotes it: up to four significant digits, grouped. */
const num = (x: number) => formatNumber(x, 4);

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
  if (key === 'serviceMs' || key === 'latencyMs') text = `${num(raw)} ms`;
  else if (key === 'hitRatio' || key === 'applyFactor') text = `${formatPercent(raw)}`;
  else if (key === 'capacityRps') text = formatRps(raw);
  else if (key === 'maxStorageGB') text = `${num(raw)} GB`;
  else text = num(raw);
  return <Value source={entry.source}>{text}</Value>;
}

const WORKLOAD_UNITS: Partial<Record<keyof typeof WORKLOAD_DEFAULTS, (v: number) => string>> = {
  peakFactor: (v) => `${v}×`,
  staticShare: (v) => `${formatPercent(v)}`,
  readRatio: (v) => `${formatPercent(v)}`,
  asyncShare: (v) => `${formatPercent(v)}`,
  jobServiceMs: (v) => `${v} ms`,
  staticKB: (v) => `${v} KB`,
  dynamicKB: (v) => `${v} KB`,
  dataPerUserMB: (v) => `${v} MB`,
  flashFactor: (v) => `${v}×`,
};

/** A workload default: `<ModelWorkload field="peakFactor" />` → "3×". */
export function ModelWorkload({ field }: { field: keyof typeof WORKLOAD_DEFAULTS }) {
  const v = WORKLOAD_DEFAULTS[field];
  if (typeof v !== 'number') throw new Error(`<ModelWorkload>: unknown field "${field}"`);
  return <Value source="MODEL.md §1.2 workload defaults">{(WORKLOAD_UNITS[field] ?? num)(v)}</Value>;
}

/** Hours as the prose says them: "2 min", "30 min", "1 h", "4 h". */
function hoursText(h: number): string {
  return h >= 1 ? `${num(h)} h` : `${num(h * 60)} min`;
}

/**
 * A network or repair figure: `<ModelNetwork field="acrossRegionsMs" />` →
 * "70 ms", `field="detectHours"` → "30 min", `field="restoreFromBackupHours"`
 * → "4 h", `field="deployDowntimeMinutes"` → "2 min". The unit follows the
 * field's name.
 */
export function ModelNetwork({ field }: { field: keyof typeof NETWORK }) {
  const entry = NETWORK[field];
  if (!entry || typeof entry.value !== 'number') throw new Error(`<ModelNetwork>: unknown field "${field}"`);
  const v = entry.value;
  const text =
    field === 'regionAvailability'
      ? formatAvailability(v)
      : field.endsWith('Hours')
        ? hoursText(v)
        : field.endsWith('Minutes')
          ? `${num(v)} min`
          : field === 'timeoutMs'
            ? `${num(v / 1000)} s`
            : field.endsWith('Ms')
              ? `${num(v)} ms`
              : (() => {
                  throw new Error(`<ModelNetwork>: no unit for "${field}"`);
                })();
  return <Value source={entry.source}>{text}</Value>;
}

const bucketsText = (buckets: readonly RttBucket[]) =>
  buckets.map((b) => `${formatPercent(b.share)} at ${num(b.rttMs)} ms`).join(', ');

/**
 * Where the users are (model v2, MODEL.md §9.4): `<ModelAudience which="global" />`
 * → "40% at 20 ms, 20% at 80 ms, …" (round trips to the serving region);
 * `"cdnEdge"` the round trips to a CDN edge; `"staticRoundTrips"` /
 * `"dynamicRoundTrips"` the round trips a first static asset / an API call costs.
 */
export function ModelAudience({ which }: { which: 'regional' | 'global' | 'cdnEdge' | 'staticRoundTrips' | 'dynamicRoundTrips' }) {
  const entry = AUDIENCE[which];
  if (!entry) throw new Error(`<ModelAudience>: unknown figure "${which}"`);
  const v = entry.value;
  const text = typeof v === 'number' ? num(v) : bucketsText(v);
  return <Value source={entry.source}>{text}</Value>;
}

/**
 * The engine's availability of one shape of component (model v2, MODEL.md
 * §9.3), evaluated on a small design at stage 3's load:
 * `<ModelAvailability shape="lone-db" monitored />` → "99.72%". See
 * `availabilityShapeDesign` for the shapes.
 */
export function ModelAvailability({ shape, monitored = false }: { shape: AvailabilityShape; monitored?: boolean }) {
  const subject = AVAILABILITY_SUBJECT[shape];
  if (!subject) throw new Error(`<ModelAvailability>: unknown shape "${shape}"`);
  const ev = evaluate(availabilityShapeDesign(shape, monitored), undefined, { stages: false });
  const a = ev.nodes[subject].availability;
  const down = (1 - a) * 365 * 24;
  // Past five nines the figure rounds to 100%, which no component is: say "over 99.999%".
  const text = a >= 0.99999 ? 'over 99.999%' : formatAvailability(Math.round(a * 1e5) / 1e5);
  const yearly = down >= 1 ? `about ${num(Math.round(down))} h down a year` : `about ${num(Math.round(down * 60))} min down a year`;
  return <Value source={`computed by the ScaleLab engine for the "${shape}" shape${monitored ? ' with monitoring' : ''} (MODEL.md §9.3): ${yearly}`}>{text}</Value>;
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
  if (show === 'mtbf') text = `${num(mtbfHours / 24)} days`;
  else if (show === 'mttr') text = mttr >= 1 ? `${num(mttr)} h` : `${num(mttr * 60)} min`;
  else text = formatAvailability(Math.round((mtbfHours / (mtbfHours + mttr)) * 1e6) / 1e6);
  return <Value source={fig.source}>{text}</Value>;
}

/**
 * One of a stage's targets as the scorer holds it:
 * `<StageTarget stage={3} show="availability" />` → "99.5%".
 */
export function StageTarget({
  stage,
  show,
}: {
  stage: number;
  show: 'users' | 'p95' | 'p95Write' | 'userStatic' | 'flash' | 'availability' | 'budget';
}) {
  const fact = stageSpec(stage);
  if (!fact) throw new Error(`<StageTarget>: there is no stage ${stage}`);
  const ms = (v: number | null, what: string) => {
    if (v === null) throw new Error(`<StageTarget>: stage ${stage} sets no ${what}`);
    return `${num(v)} ms`;
  };
  let text: string;
  if (show === 'users') text = num(fact.users);
  else if (show === 'p95') text = `${num(fact.p95ReadMs)} ms`;
  else if (show === 'p95Write') text = ms(fact.p95WriteMs, 'write p95');
  else if (show === 'userStatic') text = ms(fact.userStaticP95Ms, 'user-perceived static p95');
  else if (show === 'flash') {
    if (fact.flashErrorRate === null) throw new Error(`<StageTarget>: stage ${stage} has no flash crowd check`);
    text = formatFraction(fact.flashErrorRate);
  } else if (show === 'availability') text = formatAvailability(fact.availability);
  else text = formatUsd(fact.budgetUsd);
  return <Value source={`stage ${stage} target (MODEL.md §6)`}>{text}</Value>;
}
