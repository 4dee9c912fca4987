/**
 * The model's reference tables, read from the engine itself: workload
 * defaults, catalog defaults with their sources, the node parameters (from
 * the design's parameter registry), the dated price table and the stages.
 * Nothing here is typed by hand.
 */
import type { ReactNode } from 'react';
import { CATALOG, type KindSpec, KINDS, HOURLY_PRICES, HOURS_PER_MONTH, INSTANCE_PRICES, PRICES_DATE, USAGE_PRICES, type PriceTier, type RequestTier, WORKLOAD_DEFAULTS } from '@/lib/engine/data';
import { formatAvailability, formatInteger, formatNumber, formatPercent, formatPrice, formatUsers } from '@/lib/shared/format';
import { PRACTICES, STAGES } from '@/lib/rules/stages';
import { KIND_PARAMS, PARAM_KEYS, PARAMS, type NumberParam, type ParamKey, type ParamSpec } from '@/lib/design/params';
import { TECHNOLOGY_PARAMS } from '@/lib/design/technologies';
import { PARAM_META } from '@/lib/editor/param-meta';

export function TableWrap({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <div className="my-5 overflow-x-auto rounded-lg border border-slate-200">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="bg-slate-50 px-3 py-2 text-left text-sm font-medium text-slate-700">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

/** A camelCase code name in pieces that may start a new line: "requestsPerUserPerDay" → requests, Per, User, Per, Day. */
export function codeBreaks(name: string): string[] {
  return name.split(/(?=[A-Z][a-z])|(?<=[a-z0-9])(?=[A-Z])/).filter(Boolean);
}

/** A code name that wraps, on a phone, only where a new word starts, never mid-word. */
export function CodeName({ name }: { name: string }) {
  return (
    <>
      {codeBreaks(name).map((part, i) => (
        <span key={i}>
          {i > 0 ? <wbr /> : null}
          {part}
        </span>
      ))}
    </>
  );
}

export const th = 'border-b border-slate-200 bg-slate-50 px-3 py-2 font-semibold whitespace-nowrap text-slate-900';
export const td = 'border-b border-slate-100 px-3 py-2 align-top text-slate-800';
export const tdNum = `${td} text-right tabular-nums whitespace-nowrap`;

const WORKLOAD_MEANING: Record<keyof typeof WORKLOAD_DEFAULTS, string> = {
  requestsPerUserPerDay: 'all HTTP requests one user makes in a day',
  peakFactor: 'peak-hour rate ÷ the day’s average rate',
  staticShare: 'share of requests for static files (images, scripts, styles)',
  readRatio: 'share of the other (dynamic) requests that read',
  asyncShare: 'share of writes that start a background job',
  jobServiceMs: 'CPU time of one background job, ms',
  staticKB: 'size of a static response, KB (for egress cost)',
  dynamicKB: 'size of a dynamic response, KB',
  dataPerUserMB: 'data stored per user, MB (for storage and sharding)',
  queriesPerRead: 'database queries one read request makes (an ORM-built page makes 5–20); each costs the database’s per-query time',
  queriesPerWrite: 'statements in one write request’s transaction (a TPC-B transaction is 5)',
  deploysPerDay: 'deploys a day of each app tier; a tier that cannot roll them is down about 2 min for each',
  flashFactor: 'a flash crowd’s traffic as a multiple of the peak (stage 8 checks it)',
  audience: 'where the users are: "regional" (near one region, 20–40 ms) or "global" (20–230 ms); a text value, not a number',
  analyticsQueriesPerHour: 'analytics queries (reports, dashboards) run an hour; on the main database without a warehouse (§14.4)',
  analyticsScanGB: 'GB one analytics query reads (what a per-TiB warehouse bills)',
  eventKB: 'size of one event (a job message) as a warehouse stores it, KB',
};

/** A workload default as the table shows it: numbers grouped, the audience as its quoted string. */
export function workloadValue(v: number | string): string {
  return typeof v === 'string' ? `"${v}"` : formatNumber(v);
}

export function WorkloadTable() {
  return (
    <TableWrap caption="Workload defaults (a stage, scenario or design may override each)">
      <thead>
        <tr>
          <th scope="col" className={th}>
            Field
          </th>
          <th scope="col" className={`${th} text-right`}>
            Default
          </th>
          <th scope="col" className={th}>
            Meaning
          </th>
        </tr>
      </thead>
      <tbody>
        {(Object.keys(WORKLOAD_DEFAULTS) as (keyof typeof WORKLOAD_DEFAULTS)[]).map((k) => (
          <tr key={k}>
            <td className={`${td} font-mono text-xs break-normal`} data-code-name={k}>
              <CodeName name={k} />
            </td>
            <td className={typeof WORKLOAD_DEFAULTS[k] === 'string' ? `${td} text-right font-mono text-xs whitespace-nowrap` : tdNum}>{workloadValue(WORKLOAD_DEFAULTS[k])}</td>
            <td className={td}>{WORKLOAD_MEANING[k]}</td>
          </tr>
        ))}
      </tbody>
    </TableWrap>
  );
}

function availabilityText(spec: KindSpec): string {
  const a = spec.defaults.availability.value;
  if (a.type === 'managed') return `${formatAvailability(a.availability)} managed`;
  if (a.type === 'none') return '—';
  return `${a.mtbfHours / 24} d / detect + restore`;
}

function serviceText(spec: KindSpec): string {
  const s = spec.defaults.serviceMs?.value;
  if (!s) return '—';
  if (spec.kind === 'worker') return 'jobServiceMs';
  if (s.static === s.read && s.read === s.write) return `${formatNumber(s.read)}`;
  return `${formatNumber(s.static)} / ${formatNumber(s.read)} / ${formatNumber(s.write)}`;
}

const MODEL_WORDS: Record<KindSpec['model'], string> = { source: 'source', queue: 'queue', rated: 'rated', none: 'no traffic' };
/** Headers that may wrap onto two lines. */
const thWrap = th.replace('whitespace-nowrap', '');

export function CatalogTable() {
  return (
    <TableWrap caption="Catalog defaults per kind at size medium (each size step halves or doubles cores and price). Queue: an M/M/c station per instance. Rated: a fixed latency and a rated capacity. Database and replica service times are per query (a read request makes queriesPerRead of them, a write queriesPerWrite). Availability: mean time between failures / repair time, which is detection plus restore and depends on the design (see Availability), or a managed service’s figure.">
      <thead>
        <tr>
          <th scope="col" className={th}>
            Kind
          </th>
          <th scope="col" className={th}>
            Model
          </th>
          <th scope="col" className={`${th} text-right`}>
            Cores
          </th>
          <th scope="col" className={`${thWrap} text-right`}>
            Service ms
            <span className="block text-xs font-normal text-slate-600">static / read / write</span>
          </th>
          <th scope="col" className={`${thWrap} text-right`}>
            Capacity
            <span className="block text-xs font-normal text-slate-600">rps / instance</span>
          </th>
          <th scope="col" className={`${thWrap} text-right`}>
            Latency
            <span className="block text-xs font-normal text-slate-600">ms</span>
          </th>
          <th scope="col" className={`${thWrap} text-right`}>
            Hit ratio
          </th>
          <th scope="col" className={thWrap}>
            Availability
            <span className="block text-xs font-normal text-slate-600">MTBF / repair</span>
          </th>
          <th scope="col" className={`${th} text-right`}>
            $ / hour
          </th>
        </tr>
      </thead>
      <tbody>
        {KINDS.map((k) => {
          const spec = CATALOG[k];
          const d = spec.defaults;
          return (
            <tr key={k}>
              <th scope="row" className={`${td} font-medium whitespace-nowrap`}>
                {spec.label}
                <span className="block font-mono text-xs font-normal text-slate-600">{k}</span>
              </th>
              <td className={td}>{MODEL_WORDS[spec.model]}</td>
              <td className={tdNum}>{d.cores ? d.cores.value : '—'}</td>
              <td className={tdNum}>{serviceText(spec)}</td>
              <td className={tdNum}>{d.capacityRps ? formatInteger(d.capacityRps.value) : spec.model === 'rated' ? 'unbounded' : '—'}</td>
              <td className={tdNum}>{d.latencyMs ? formatNumber(d.latencyMs.value) : '—'}</td>
              <td className={tdNum}>{d.hitRatio ? formatNumber(d.hitRatio.value) : '—'}</td>
              <td className={`${td} whitespace-nowrap`}>{availabilityText(spec)}</td>
              <td className={tdNum}>{HOURLY_PRICES[d.priceKey.value].usdPerHour > 0 ? formatPrice(HOURLY_PRICES[d.priceKey.value].usdPerHour) : 'usage'}</td>
            </tr>
          );
        })}
      </tbody>
    </TableWrap>
  );
}

function valueText(value: unknown): string {
  if (typeof value === 'number') return formatNumber(value, 4);
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  if (value && typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (v.type === 'instance') return `MTBF ${Number(v.mtbfHours) / 24} days, repair = detect + restore (see Availability)`;
    if (v.type === 'managed') return `${Number(v.availability) * 100}%`;
    if (v.type === 'none') return 'none';
    return Object.entries(v)
      .map(([k, x]) => `${k} ${x}`)
      .join(', ');
  }
  return String(value);
}

/** Every default of every kind with where it comes from ("unverified" where no primary source was found). */
export function CatalogSources() {
  return (
    <div className="my-5 space-y-2">
      {KINDS.map((k) => {
        const spec = CATALOG[k];
        const entries = Object.entries(spec.defaults) as [string, { value: unknown; source: string }][];
        return (
          <details key={k} className="rounded-lg border border-slate-200 bg-white px-4 py-2 open:pb-3">
            <summary className="cursor-pointer font-medium text-slate-900">
              {spec.label} <span className="font-normal text-slate-600">— {spec.description}</span>
            </summary>
            <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[12rem_1fr]">
              {entries.map(([field, s]) => (
                <div key={field} className="contents">
                  <dt className="font-mono text-xs text-slate-700 sm:pt-0.5">
                    <CodeName name={field} /> = {valueText(s.value)}
                  </dt>
                  <dd className={`mb-1 ${/unverified/i.test(s.source) ? 'text-amber-800' : 'text-slate-700'}`}>{s.source}</dd>
                </div>
              ))}
            </dl>
          </details>
        );
      })}
    </div>
  );
}

function tiers(list: readonly PriceTier[]): string {
  let from = 0;
  return list
    .map((t) => {
      const range = t.upToGB === Number.MAX_VALUE ? `over ${formatInteger(from / 1000)} TB` : `${formatInteger(from / 1000)}–${formatInteger(t.upToGB / 1000)} TB`;
      from = t.upToGB;
      return `${range}: $${t.usdPerGB}/GB`;
    })
    .join('; ');
}

function requestTiers(list: readonly RequestTier[]): string {
  let from = 0;
  return list
    .map((t) => {
      const range = t.upToMillions === Number.MAX_VALUE ? `over ${formatInteger(from)} M` : `${formatInteger(from)}–${formatInteger(t.upToMillions)} M`;
      from = t.upToMillions;
      return `${range}: $${t.usdPerMillion} per million`;
    })
    .join('; ');
}

export function PriceTables() {
  const usage: [string, string, string][] = [
    ['CDN egress (tiered, per GB a month)', tiers(USAGE_PRICES.cdnEgressTiers), USAGE_PRICES.cdnEgressTiers[0].source],
    ['Internet egress (tiered, per GB a month)', tiers(USAGE_PRICES.internetEgressTiers), USAGE_PRICES.internetEgressTiers[0].source],
    ['CDN requests', `$${USAGE_PRICES.cdnPer10kRequestsUsd.value} per 10,000`, USAGE_PRICES.cdnPer10kRequestsUsd.source],
    ['Database storage (each copy)', `$${USAGE_PRICES.databaseStorageGBMonthUsd.value} per GB-month`, USAGE_PRICES.databaseStorageGBMonthUsd.source],
    ['Object storage', `$${USAGE_PRICES.objectStorageGBMonthUsd.value} per GB-month`, USAGE_PRICES.objectStorageGBMonthUsd.source],
    ['Object storage GET requests', `$${USAGE_PRICES.objectStoragePer1kGetUsd.value} per 1,000`, USAGE_PRICES.objectStoragePer1kGetUsd.source],
    ['Load balancer capacity unit', `$${USAGE_PRICES.albLcuHourUsd.value} per LCU-hour (1 LCU = ${USAGE_PRICES.albGBPerLcuHour.value} GB/h)`, USAGE_PRICES.albLcuHourUsd.source],
    ['DNS hosted zone', `$${USAGE_PRICES.dnsHostedZoneMonthUsd.value} a month`, USAGE_PRICES.dnsHostedZoneMonthUsd.source],
    ['DNS queries', `$${USAGE_PRICES.dnsPerMillionQueriesUsd.value} per million (${USAGE_PRICES.dnsQueriesPerUserPerDay.value} per user a day)`, USAGE_PRICES.dnsPerMillionQueriesUsd.source],
    ['Inter-region transfer (replicated writes)', `$${USAGE_PRICES.interRegionGBUsd.value} per GB`, USAGE_PRICES.interRegionGBUsd.source],
    ['Log ingestion', `$${USAGE_PRICES.logIngestionGBUsd.value} per GB, ${USAGE_PRICES.logKBPerRequest.value} KB per request`, `${USAGE_PRICES.logIngestionGBUsd.source}; ${USAGE_PRICES.logKBPerRequest.source}`],
    ['API Gateway HTTP API (a gateway of technology managed; the generic gateway is self-hosted)', requestTiers(USAGE_PRICES.apiGatewayHttp.tiers), USAGE_PRICES.apiGatewayHttp.source],
    ['API Gateway REST API (listed, not billed)', requestTiers(USAGE_PRICES.apiGatewayRest.tiers), USAGE_PRICES.apiGatewayRest.source],
    ['SQS standard (a queue of technology sqs: 3 requests a message over the batch size)', `$${USAGE_PRICES.sqsPerMillionRequestsUsd.value} per million requests`, USAGE_PRICES.sqsPerMillionRequestsUsd.source],
    ['SQS FIFO (a queue of technology sqs, fifo)', `$${USAGE_PRICES.sqsFifoPerMillionRequestsUsd.value} per million requests`, USAGE_PRICES.sqsFifoPerMillionRequestsUsd.source],
    ['DynamoDB on demand (a NoSQL store of technology dynamodb; the generic store is self-managed nodes)', `$${USAGE_PRICES.dynamoDbPerMillionReadsUsd.value} per million reads, $${USAGE_PRICES.dynamoDbPerMillionWritesUsd.value} per million writes`, USAGE_PRICES.dynamoDbPerMillionWritesUsd.source],
    ['DynamoDB storage (one logical copy)', `$${USAGE_PRICES.dynamoDbStorageGBMonthUsd.value} per GB-month`, USAGE_PRICES.dynamoDbStorageGBMonthUsd.source],
    ['Serverless function requests', `$${USAGE_PRICES.lambdaPerMillionRequestsUsd.value} per million`, USAGE_PRICES.lambdaPerMillionRequestsUsd.source],
    ['Serverless function compute', `$${USAGE_PRICES.lambdaGBSecondUsd.value} per GB-second (memory × billed ms)`, USAGE_PRICES.lambdaGBSecondUsd.source],
    ['Container cluster control plane', `$${USAGE_PRICES.k8sControlPlaneHourUsd.value} per cluster-hour`, USAGE_PRICES.k8sControlPlaneHourUsd.source],
  ];
  return (
    <>
      <TableWrap caption={`Hourly prices per instance at size medium (us-east-1, on demand, checked ${PRICES_DATE}; a month is ${HOURS_PER_MONTH} hours)`}>
        <thead>
          <tr>
            <th scope="col" className={th}>
              Price
            </th>
            <th scope="col" className={`${th} text-right`}>
              $ / hour
            </th>
            <th scope="col" className={`${th} text-right`}>
              $ / month
            </th>
            <th scope="col" className={th}>
              Source
            </th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(HOURLY_PRICES)
            .filter(([key]) => key !== 'none')
            .map(([key, p]) => (
              <tr key={key}>
                <th scope="row" className={`${td} font-normal`}>
                  {p.describes}
                </th>
                <td className={tdNum}>{formatPrice(p.usdPerHour)}</td>
                <td className={tdNum}>{formatPrice(p.usdPerHour * HOURS_PER_MONTH)}</td>
                <td className={`${td} ${/unverified/i.test(p.source) ? 'text-amber-800' : ''}`}>{p.source}</td>
              </tr>
            ))}
        </tbody>
      </TableWrap>
      <TableWrap caption="List prices by family and size (the sizes above map onto these rows; each size step doubles the price)">
        <thead>
          <tr>
            <th scope="col" className={th}>
              Instance
            </th>
            <th scope="col" className={`${th} text-right`}>
              vCPU
            </th>
            <th scope="col" className={`${th} text-right`}>
              $ / hour
            </th>
            <th scope="col" className={th}>
              Checked
            </th>
            <th scope="col" className={th}>
              Source
            </th>
          </tr>
        </thead>
        <tbody>
          {INSTANCE_PRICES.map((p) => (
            <tr key={p.type}>
              <th scope="row" className={`${td} font-mono text-xs font-normal`}>
                {p.type}
              </th>
              <td className={tdNum}>{p.vcpu}</td>
              <td className={tdNum}>{formatPrice(p.usdPerHour)}</td>
              <td className={`${td} whitespace-nowrap`}>{p.checked}</td>
              <td className={`${td} ${/unverified/i.test(p.source) ? 'text-amber-800' : ''}`}>{p.source}</td>
            </tr>
          ))}
        </tbody>
      </TableWrap>
      <TableWrap caption={`Usage prices (checked ${PRICES_DATE})`}>
        <thead>
          <tr>
            <th scope="col" className={th}>
              Item
            </th>
            <th scope="col" className={th}>
              Price
            </th>
            <th scope="col" className={th}>
              Source
            </th>
          </tr>
        </thead>
        <tbody>
          {usage.map(([item, price, source]) => (
            <tr key={item}>
              <th scope="row" className={`${td} font-normal`}>
                {item}
              </th>
              <td className={`${td} min-w-56`}>{price}</td>
              <td className={`${td} ${/unverified/i.test(source) ? 'text-amber-800' : ''}`}>{source}</td>
            </tr>
          ))}
        </tbody>
      </TableWrap>
    </>
  );
}

function msOrDash(x: number | null): string {
  return x === null ? '—' : `${x} ms`;
}

export function StagesTable() {
  return (
    <TableWrap caption="The eight stages: load, objectives (server-side p95s from the entry of the serving region; the static p95 as users perceive it), budget and required practices">
      <thead>
        <tr>
          <th scope="col" className={th}>
            Stage
          </th>
          <th scope="col" className={`${th} text-right`}>
            Users
          </th>
          <th scope="col" className={th}>
            Audience
          </th>
          <th scope="col" className={`${thWrap} text-right`}>
            p95 read
            <span className="block text-xs font-normal text-slate-600">server-side</span>
          </th>
          <th scope="col" className={`${thWrap} text-right`}>
            p95 write
            <span className="block text-xs font-normal text-slate-600">server-side</span>
          </th>
          <th scope="col" className={`${thWrap} text-right`}>
            p95 static
            <span className="block text-xs font-normal text-slate-600">user-perceived</span>
          </th>
          <th scope="col" className={`${th} text-right`}>
            Availability
          </th>
          <th scope="col" className={`${thWrap} text-right`}>
            Flash crowd
            <span className="block text-xs font-normal text-slate-600">errors at most</span>
          </th>
          <th scope="col" className={`${th} text-right`}>
            Budget / month
          </th>
          <th scope="col" className={th}>
            Practices required
          </th>
        </tr>
      </thead>
      <tbody>
        {STAGES.map((s) => (
          <tr key={s.stage}>
            <th scope="row" className={`${td} font-medium whitespace-nowrap`}>
              {s.stage}. {s.name}
            </th>
            <td className={tdNum}>{formatUsers(s.users)}</td>
            <td className={td}>{s.audience}</td>
            <td className={tdNum}>{s.p95ReadMs} ms</td>
            <td className={tdNum}>{msOrDash(s.p95WriteMs)}</td>
            <td className={tdNum}>{msOrDash(s.userStaticP95Ms)}</td>
            <td className={tdNum}>{formatPercent(s.availability, 2)}</td>
            <td className={tdNum}>{s.flashErrorRate === null ? '—' : formatPercent(s.flashErrorRate, 0)}</td>
            <td className={tdNum}>{formatPrice(s.budgetUsd)}</td>
            <td className={`${td} min-w-56`}>{s.practices.length ? s.practices.map((p) => PRACTICES[p].label).join('; ') : '—'}</td>
          </tr>
        ))}
      </tbody>
    </TableWrap>
  );
}

/** What a design may hold for a number param, as the schema checks it: "whole, 1 to 100,000". */
function validText(p: NumberParam): string {
  const { min, max, integer, above, maxShown } = p.valid;
  const top = maxShown ?? formatNumber(max);
  if (above) return `above ${formatNumber(min)}, up to ${top}`;
  return `${integer ? 'whole, ' : ''}${formatNumber(min)} to ${top}`;
}

function valuesText(p: ParamSpec): string {
  switch (p.type) {
    case 'number':
      return validText(p);
    case 'select':
      return p.options.length > 0 ? p.options.join(', ') : `one of the kind\u2019s technologies (text, up to ${p.maxLength ?? 0} characters)`;
    case 'boolean':
      return 'true or false';
    case 'text':
      return `text, up to ${p.maxLength} characters`;
    case 'group':
      return p.fields.map((f) => `${f.key}: ${validText(f)}`).join('; ');
  }
}

/** The kinds a param applies to: its kinds' lists, then the technologies that add it ("queue (kafka)"). */
function kindsOf(key: ParamKey): string {
  const kinds = KINDS.filter((k) => KIND_PARAMS[k].includes(key));
  const techs = Object.entries(TECHNOLOGY_PARAMS)
    .filter(([, t]) => t?.params?.includes(key))
    .map(([id]) => id.replace(':', ' (') + ')');
  if (key === 'technology') return 'every kind with a choice of technology';
  return [...kinds, ...techs].join(', ') || '—';
}

/** Every node parameter from the registry (lib/design/params.ts), as the schema and the inspector read it. */
export function ParamsTable() {
  return (
    <TableWrap caption="Node parameters: what each one means, its unit, the values a design may hold (anything else is refused with a message naming the field) and the kinds that take it. The inspector offers a narrower everyday range for some.">
      <thead>
        <tr>
          <th scope="col" className={th}>
            Param
          </th>
          <th scope="col" className={th}>
            Unit
          </th>
          <th scope="col" className={thWrap}>
            Values
          </th>
          <th scope="col" className={thWrap}>
            Kinds
          </th>
          <th scope="col" className={th}>
            Meaning
          </th>
        </tr>
      </thead>
      <tbody>
        {PARAM_KEYS.map((k) => {
          const p: ParamSpec = PARAMS[k];
          return (
            <tr key={k}>
              <td className={`${td} font-mono text-xs break-normal`} data-code-name={k}>
                <CodeName name={k} />
              </td>
              <td className={`${td} whitespace-nowrap`}>{p.type === 'number' ? (p.unit ?? '') : p.type === 'group' && k === 'serviceMs' ? 'ms' : ''}</td>
              <td className={td}>{valuesText(p)}</td>
              <td className={td}>{kindsOf(k)}</td>
              <td className={td}>
                <span className="font-medium">{p.label}.</span> {PARAM_META[k].help}
              </td>
            </tr>
          );
        })}
      </tbody>
    </TableWrap>
  );
}
