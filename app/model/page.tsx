import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import accuracy from '@/content/model/accuracy.json';
import { AccuracyTables, type AccuracyData } from '@/components/model/accuracy-table';
import { formatInteger, formatNumber, formatPercent, formatPrice } from '@/lib/shared/format';
import { Formula, Frac, V } from '@/components/model/math';
import { ModelNotes } from '@/components/model/model-notes';
import { CalibrationTable, type CalibrationView } from '@/components/model/calibration-table';
import { CatalogSources, CatalogTable, ParamsTable, PriceTables, StagesTable, TableWrap, WorkloadTable, td, tdNum, th } from '@/components/model/reference-tables';
import { v2Examples } from '@/components/model/v2-examples';
import { calibrationResults, kOfN } from '@/lib/engine';
import { AUDIENCE, CATALOG, NETWORK, STORAGE, HOURLY_PRICES, HOURS_PER_MONTH, PRICES_DATE, mmc, mmcMixturePercentile, peakLoad, resolveWorkload, WORKLOAD_DEFAULTS } from '@/lib/engine/data';
import { STAGES } from '@/lib/rules/stages';

export const metadata: Metadata = {
  title: 'The model',
  description:
    'How ScaleLab turns a design into numbers: load, queueing (Erlang C and M/M/c response times), server-side and user-perceived latency, availability with detection and repair, cost and stage scores, every default checked against published figures, and how closely a simulation agrees.',
};

// Rendered per request like every page (app/layout.tsx): a page built ahead
// of time would carry no CSP nonce on its scripts, and the browser would
// refuse them. Its figures are computed once per server process.

const SECTIONS = [
  ['load', 'From users to load'],
  ['propagation', 'Where traffic goes'],
  ['queueing', 'Queues and latency'],
  ['user-latency', 'Latency as users see it'],
  ['saturation', 'Saturation'],
  ['availability', 'Availability'],
  ['cost', 'Cost'],
  ['stages', 'Stages and scores'],
  ['invariant', 'Walls and soft transitions'],
  ['calibration', 'Calibration against published figures'],
  ['catalog', 'Catalog defaults and sources'],
  ['prices', 'Prices'],
  ['decisions', 'The full reference'],
  ['accuracy', 'How accurate is it?'],
] as const;

function Section({ id, children }: { id: (typeof SECTIONS)[number][0]; children: ReactNode }) {
  const index = SECTIONS.findIndex(([key]) => key === id);
  const title = `${index + 1}. ${SECTIONS[index][1]}`;
  return (
    <section aria-labelledby={id} className="scroll-mt-6 border-t border-slate-200 pt-10">
      <h2 id={id} className="text-2xl font-semibold tracking-tight text-slate-900">
        {title}
      </h2>
      <div className="mt-4 max-w-none">{children}</div>
    </section>
  );
}

/** A breakdown time: "0 ms", "< 0.1 ms", "28.5 ms". */
function msText(x: number): string {
  if (x === 0) return '0 ms';
  if (x < 0.1) return '< 0.1 ms';
  return `${formatNumber(x, 3)} ms`;
}

function P({ children }: { children: ReactNode }) {
  return <p className="mt-3 max-w-3xl leading-relaxed text-slate-700">{children}</p>;
}

function Example({ children }: { children: ReactNode }) {
  return (
    <div className="my-4 max-w-3xl rounded-lg border-l-4 border-brand-500 bg-brand-50 px-4 py-3 text-slate-800">
      <p className="text-sm font-semibold text-brand-700">Worked example (computed by the engine)</p>
      <div className="mt-1 leading-relaxed">{children}</div>
    </div>
  );
}

export default function ModelPage() {
  // Worked examples, computed by the engine's own functions when the page is built.
  const w = resolveWorkload({ users: 1_000_000 });
  const load = peakLoad(w);
  const mm2 = mmc(9, 5, 2);
  const mm2p99 = mmcMixturePercentile(0.99, 1, [1], [5], 2 * 5 - 9, mm2.c);
  const mixShare = { static: w.staticShare, read: (1 - w.staticShare) * w.readRatio, write: (1 - w.staticShare) * (1 - w.readRatio) };
  const q = w.asyncShare;
  const j = w.jobServiceMs;
  const es = mixShare.static * 1 + mixShare.read * 5 + mixShare.write * (8 + q * j);
  const es2 = mixShare.static * 2 * 1 + mixShare.read * 2 * 25 + mixShare.write * (2 * 64 + q * (2 * 8 * j + 2 * j * j));
  const cs2 = es2 / (es * es) - 1;
  const fig = CATALOG['app-server'].defaults.availability.value;
  const mtbf = fig.type === 'instance' ? fig.mtbfHours : 1440;
  const detect = NETWORK.detectHours.value;
  const detectMon = NETWORK.detectMonitoredHours.value;
  const byHand = NETWORK.restoreByHandHours.value;
  const automatic = NETWORK.restoreAutomaticHours.value;
  const backup = NETWORK.restoreFromBackupHours.value;
  const failover = NETWORK.failoverMttrHours.value;
  const deployDown = (w.deploysPerDay * NETWORK.deployDowntimeMinutes.value) / (24 * 60);
  const instAuto = mtbf / (mtbf + detect + automatic);
  const threeForTwo = kOfN(2, 3, instAuto);
  const appPrice = HOURLY_PRICES['ec2-m6g.large'].usdPerHour;
  const ex = v2Examples();
  const calibration: CalibrationView[] = calibrationResults().map((r) => ({
    id: r.row.id,
    group: r.row.group,
    figure: r.row.figure,
    unit: r.row.unit,
    engine: r.engineValue,
    published: r.row.published ? { ...r.row.published } : null,
    source: r.row.source,
    evidence: r.row.evidence,
    departure: r.departure,
    acceptedBecause: r.row.acceptedBecause ?? null,
  }));
  const minutes = (h: number) => `${formatNumber(h * 60, 3)} min`;
  const openRows = calibration.filter((r) => r.acceptedBecause?.startsWith('Open')).length;
  const stage3Objective = STAGES[2].availability;
  const io = ex.storage.io;
  const pageGB = STORAGE.pageKB.value / 1e6;

  return (
    <div className="mx-auto w-full max-w-6xl px-4 py-10 sm:py-14">
      <header className="max-w-3xl">
        <p className="text-sm font-semibold tracking-wide text-brand-600 uppercase">The model</p>
        <h1 className="mt-2 text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">How a design becomes numbers</h1>
        <p className="mt-4 text-lg leading-relaxed text-slate-700">
          Every score in ScaleLab comes from one capacity model: a queueing model of your design at the peak hour, with availability and
          a monthly bill. This page explains it step by step, with the formulas, every default and price and where it comes from, the
          decisions the engine makes where the specification is silent, and how closely an independent simulation agrees.
        </p>
      </header>

      <nav aria-label="On this page" className="mt-8 max-w-3xl rounded-xl border border-slate-200 bg-slate-50 p-4">
        <p className="text-sm font-semibold text-slate-900">On this page</p>
        <ol className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
          {SECTIONS.map(([id, title], i) => (
            <li key={id}>
              <a href={`#${id}`} className="text-brand-700 underline-offset-2 hover:underline">
                {i + 1}. {title}
              </a>
            </li>
          ))}
        </ol>
      </nav>

      <div className="mt-10 space-y-12">
        <Section id="load">
          <P>
            Everything starts from daily active users. Each makes a number of requests a day; the busiest hour runs at a multiple of the
            day’s average. The model works at that peak, in requests per second:
          </P>
          <Formula label="R equals users times requests per user per day, divided by 86,400 seconds, times the peak factor">
            <V>R</V> = <Frac num={<>users × requests per user per day</>} den="86,400 s" /> × peak factor
          </Formula>
          <P>
            The load splits into request classes: static files, reads and writes. A share of writes starts a background job (sending an
            email, resizing a picture), born wherever the write is handled.
          </P>
          <Formula
            label="static equals R times staticShare; reads equal R times one minus staticShare times readRatio; writes equal R times one minus staticShare times one minus readRatio; jobs equal writes times asyncShare"
            note={
              <>
                <V>s</V> = staticShare, <V>r</V> = readRatio, <V>a</V> = asyncShare (defaults below).
              </>
            }
          >
            static = <V>R</V>·<V>s</V> &nbsp; read = <V>R</V>(1−<V>s</V>)<V>r</V> &nbsp; write = <V>R</V>(1−<V>s</V>)(1−<V>r</V>) &nbsp; job = write·<V>a</V>
          </Formula>
          <WorkloadTable />
          <Example>
            At 1,000,000 daily users: <V>R</V> = 1,000,000 × {w.requestsPerUserPerDay} ÷ 86,400 × {w.peakFactor} = {formatNumber(load.total, 4)} requests/s, of
            which {formatNumber(load.static, 4)} static, {formatNumber(load.read, 4)} reads, {formatNumber(load.write, 3)} writes, and {formatNumber(load.job, 3)} background jobs
            per second.
          </Example>
        </Section>

        <Section id="propagation">
          <P>
            Each component receives a rate per class and serves it, forwards it, or both. It forwards a class only to connected
            components that accept it. Specialists come first: a CDN takes the static files, a cache takes the reads, a queue takes the
            jobs. Where several components could take a class, shares on the edges decide; otherwise a load balancer splits by the
            targets’ instance counts and everything else splits equally. A class with nowhere to go is <em>unhandled</em>: those requests
            fail, and a finding says what to connect. One pass over the graph in topological order does all of this, and it records
            what each connection carries, class by class: the canvas draws connections from those figures, and a component receives
            exactly the sum of its incoming connections.
          </P>
          <P>
            A cache answers its hit ratio of reads; the misses go on to the database behind it. A database with read replicas sends all
            reads to them, and each replica also replays every write of its primary at half the cost of a write. Behind a queue, workers
            only need to keep up with the average job rate (peak ÷ peak factor); the backlog that builds during the peak hour drains
            afterwards, and job time never counts toward what a user waits.
          </P>
        </Section>

        <Section id="queueing">
          <P>
            Each instance of a server-like component (app servers, services, workers, caches, databases, replicas, search) is a queue
            with <V>c</V> servers, one per core, fed <V>λ</V> requests per second. If a request takes <V>S</V> on average, its service
            rate is <V>μ</V> = 1/<V>S</V>, and the share of time the cores are busy is the utilisation:
          </P>
          <Formula label="rho equals lambda divided by c times mu">
            <V>ρ</V> = <Frac num={<V>λ</V>} den={<><V>c</V>·<V>μ</V></>} />
          </Formula>
          <P>
            Below 100% the queue is stable, but requests still wait when every core happens to be busy. The probability of that is
            Erlang’s C formula, computed from the stable Erlang B recurrence with the offered load <V>a</V> = <V>λ</V>/<V>μ</V>:
          </P>
          <Formula label="B zero equals one; B k equals a times B k minus one, divided by k plus a times B k minus one; C equals B c divided by one minus rho plus rho times B c">
            <V>B</V>
            <sub>0</sub> = 1, &nbsp; <V>B</V>
            <sub>
              <V>k</V>
            </sub>{' '}
            = <Frac num={<><V>a</V>·<V>B</V><sub><V>k</V>−1</sub></>} den={<><V>k</V> + <V>a</V>·<V>B</V><sub><V>k</V>−1</sub></>} />, &nbsp; <V>C</V> ={' '}
            <Frac num={<><V>B</V><sub><V>c</V></sub></>} den={<>1 − <V>ρ</V> + <V>ρ</V>·<V>B</V><sub><V>c</V></sub></>} />
          </Formula>
          <P>
            A request that waits waits, on average, 1/(<V>cμ</V> − <V>λ</V>): the spare capacity drains the queue. So the mean wait and the
            mean response time of a class are
          </P>
          <Formula label="W q equals C divided by c mu minus lambda; response time equals W q plus S">
            <V>W</V>
            <sub>q</sub> = <Frac num={<V>C</V>} den={<><V>cμ</V> − <V>λ</V></>} />, &nbsp; <V>T</V> = <V>W</V>
            <sub>q</sub> + <V>S</V>
            <sub>class</sub>
          </Formula>
          <P>
            Averages hide the slow requests that users notice, so the model reports percentiles. For an M/M/<V>c</V> queue the chance that a
            request takes longer than <V>t</V> is known exactly; with <V>θ</V> = <V>cμ</V> − <V>λ</V>:
          </P>
          <Formula label="P of T greater than t equals e to the minus mu t, plus C times mu over theta minus mu, times e to the minus mu t minus e to the minus theta t">
            P(<V>T</V> &gt; <V>t</V>) = e<sup>−<V>μt</V></sup> + <V>C</V>·<Frac num={<V>μ</V>} den={<><V>θ</V> − <V>μ</V></>} />·(e<sup>−<V>μt</V></sup> − e<sup>−<V>θt</V></sup>)
          </Formula>
          <P>The engine solves it for the <V>t</V> at which the chance is 5% (p95) or 1% (p99), by bisection with Newton steps.</P>
          <Example>
            Two cores, <V>λ</V> = 9 requests/s, <V>μ</V> = 5/s: <V>ρ</V> = {formatNumber(mm2.rho)}, <V>C</V> = {formatNumber(mm2.c, 4)}, <V>W</V>
            <sub>q</sub> = {formatNumber(mm2.wq, 4)} s, mean response {formatNumber(mm2.r, 4)} s (the textbook answer is 1.053 s), p99 {formatNumber(mm2p99, 3)} s. At 90% busy,
            the average request waits four times its own service time.
          </Example>
          <h3 className="mt-8 text-lg font-semibold text-slate-900">When requests differ in size</h3>
          <P>
            A server that answers 1 ms static files, 5 ms reads and 8 ms writes, and runs a 200 ms job inside some writes, has far more
            variable service times than one exponential. Variability makes queues longer. The model measures it by the squared
            coefficient of variation <V>c</V>
            <sub>s</sub>
            <sup>2</sup> of the mix and scales the wait by the Allen–Cunneen factor (exact for one core, where it is the
            Pollaczek–Khinchine formula):
          </P>
          <Formula label="W q is about C over c mu minus lambda, times c a squared plus c s squared over 2">
            <V>W</V>
            <sub>q</sub> ≈ <Frac num={<V>C</V>} den={<><V>cμ</V> − <V>λ</V></>} /> · <Frac num={<><V>c</V><sub>a</sub><sup>2</sup> + <V>c</V><sub>s</sub><sup>2</sup></>} den="2" />
          </Formula>
          <Example>
            An app server running jobs inline under the default workload: mean service {formatNumber(es, 3)} ms, <V>c</V>
            <sub>s</sub>
            <sup>2</sup> = {formatNumber(cs2, 3)}, so a single core waits about {formatNumber((1 + cs2) / 2, 3)} times as long as a queue of equal, exponential
            requests would. Moving the jobs to a queue and workers removes that, which is what stage 6 teaches.
          </Example>
          <P>
            <V>c</V>
            <sub>a</sub>
            <sup>2</sup> describes the arrivals. Random splitting keeps them random (<V>c</V>
            <sub>a</sub>
            <sup>2</sup> = 1). Round-robin cycles over every instance the balancer feeds, across all the components it feeds: with{' '}
            <V>N</V> instances in the rotation each gets every <V>N</V>-th request, which is smoother (<V>c</V>
            <sub>a</sub>
            <sup>2</sup> = 1/<V>N</V>), so it waits less. Three one-instance app servers behind one balancer each see every third request,
            not a random third. Least-connections is modelled as one shared queue over all instances
            (M/M/<V>nc</V>), which waits least of all; that is right when the balancer holds requests until an instance has a free core,
            and optimistic when it sends each request at once to the shortest queue (see the known limits under accuracy). For several cores the engine also treats the wait for the first core to free up
            separately (see the decisions below).
          </P>
          <h3 className="mt-8 text-lg font-semibold text-slate-900">End to end</h3>
          <P>
            A request’s server-side time is the sum of everything on its path from the entry of the serving region: network hops (0 ms
            from users to the entry, whose round trips belong to the user-perceived view below; {NETWORK.insideRegionMs.value} ms inside a
            region; {NETWORK.acrossRegionsMs.value} ms across regions; {NETWORK.cdnToOriginMs.value} ms from a CDN edge to its origin), the
            fixed latency of managed components, and the wait and service at each queue. A database’s service time is per query: a read
            request makes {w.queriesPerRead} queries, a write one transaction of {w.queriesPerWrite} statements, and a query whose page is
            not in memory also reads it from storage (below). Different requests take
            different paths (a cache hit or a miss, one service or another), so the end-to-end time is a mixture over paths, weighted by
            how often each is taken. The mean is the weighted sum of the paths’ means. For percentiles, each path’s total time is
            approximated by a gamma distribution with the same mean and variance, and the model finds the time below which 95% or 99%
            of the mixture lies:
          </P>
          <Formula
            label="P of T at most t equals the sum over paths of w i times the gamma cumulative distribution with shape k i and scale theta i at t, with k i equal to mean squared over variance and theta i equal to variance over mean"
            note={
              <>
                <V>w</V>
                <sub>
                  <V>i</V>
                </sub>
                : how often path <V>i</V> is taken; <V>m</V>
                <sub>
                  <V>i</V>
                </sub>
                , <V>v</V>
                <sub>
                  <V>i</V>
                </sub>
                : the mean and variance of its total time (the sums of its stages’ means and variances). A station on the path counts as
                two paths, one where the request does not wait and one where it does.
              </>
            }
          >
            P(<V>T</V> ≤ <V>t</V>) = Σ<sub><V>i</V></sub> <V>w</V>
            <sub><V>i</V></sub> · Γ-CDF(<V>t</V>; <V>k</V>
            <sub><V>i</V></sub> = <Frac num={<><V>m</V><sub><V>i</V></sub><sup>2</sup></>} den={<><V>v</V><sub><V>i</V></sub></>} />, <V>θ</V>
            <sub><V>i</V></sub> = <Frac num={<><V>v</V><sub><V>i</V></sub></>} den={<><V>m</V><sub><V>i</V></sub></>} />)
          </Formula>
          <h3 className="mt-8 text-lg font-semibold text-slate-900">Memory and disk of a database</h3>
          <P>
            A relational database keeps only part of its data in memory. Each instance has {STORAGE.memoryGBPerCore.value} GB of RAM per
            core, {formatPercent(STORAGE.bufferShare.value, 0)} of it holding {STORAGE.pageKB.value} KB pages. Some pages are far more popular than
            others (Zipf, <V>α</V> = {STORAGE.zipfAlpha.value}), so a pool of <V>C</V> pages over <V>N</V> pages of data answers a share
          </P>
          <Formula label="H equals C to the power one minus alpha, minus one, divided by N to the power one minus alpha, minus one">
            <V>H</V> = <Frac num={<><V>C</V><sup>1−<V>α</V></sup> − 1</>} den={<><V>N</V><sup>1−<V>α</V></sup> − 1</>} />
          </Formula>
          <P>
            of page reads (all of them when the data fits). Each query that misses reads a page from storage ({STORAGE.storageReadMs.value}{' '}
            ms, longer as the volume gets busy: × 1/(1 − <V>ρ</V>
            <sub>io</sub>)), and each write statement writes one. The volume allows {formatInteger(STORAGE.iopsBaseline.value)} operations a
            second, or {formatInteger(STORAGE.iopsStriped.value)} from 400 GiB of data. Storage is a second utilisation: a database whose disk
            is busier than its cores is reported at the disk’s figure, and saturates when the disk does, however many cores it has. A
            larger size (more memory), a cache in front of reads or more replicas take page reads off the disk.
          </P>
          <Example>
            The stage 4 reference’s read replicas at 1,000,000 users: {formatInteger(ex.storage.dataGB)} GB of data, a {formatNumber(ex.storage.bufferGB)}{' '}
            GB pool, so <V>C</V> = {formatInteger(ex.storage.bufferGB / pageGB)}, <V>N</V> = {formatInteger(ex.storage.dataGB / pageGB)} pages and{' '}
            <V>H</V> = {formatPercent(io.bufferHitRatio, 1)}. Their busiest instance makes {formatInteger(io.iops)} storage operations a second against{' '}
            {formatInteger(io.iopsLimit)} ({formatPercent(io.ioUtilization, 1)}, beside {formatPercent(io.cpuUtilization, 1)} of its cores), and a read spends{' '}
            {formatNumber(io.readIoMs, 3)} ms reading pages beside {formatNumber(ex.storage.cpuReadMs, 3)} ms of CPU.
          </Example>
        </Section>

        <Section id="user-latency">
          <P>
            Stage objectives for reads and writes are <strong>server-side</strong>: measured from the entry of the serving region, as a
            dashboard measures them. Users also wait for their own round trips to that entry. The <strong>user-perceived</strong> view adds
            them: a first static asset costs {AUDIENCE.staticRoundTrips.value} round trips (connect, TLS handshake, request), an API call
            on the page’s warm connection {AUDIENCE.dynamicRoundTrips.value}.
          </P>
          <Formula label="user-perceived time equals server-side time from the entry, plus the DNS lookup, plus round trips times the round-trip time of the user's bucket">
            <V>T</V>
            <sub>user</sub> = <V>T</V>
            <sub>server</sub> + DNS + round trips × RTT<sub>bucket</sub>
          </Formula>
          <TableWrap caption="Where the users are: round-trip buckets (share of users × round trip). With geo DNS over R regions, the first R buckets are served from a region near them.">
            <thead>
              <tr>
                <th scope="col" className={th}>
                  Audience
                </th>
                <th scope="col" className={th}>
                  Buckets
                </th>
                <th scope="col" className={th}>
                  Source
                </th>
              </tr>
            </thead>
            <tbody>
              {(['regional', 'global', 'cdnEdge'] as const).map((k) => (
                <tr key={k}>
                  <th scope="row" className={`${td} font-medium`}>
                    {k === 'cdnEdge' ? 'CDN edge (any audience)' : k === 'regional' ? 'regional (stages 1–4)' : 'global (stages 5–8)'}
                  </th>
                  <td className={`${td} tabular-nums`}>
                    {AUDIENCE[k].value.map((b, i) => (
                      <span key={i} className="block whitespace-nowrap">
                        {formatPercent(b.share, 0)} × {b.rttMs} ms
                      </span>
                    ))}
                  </td>
                  <td className={`${td} text-xs text-slate-700 sm:text-sm`}>{AUDIENCE[k].source}</td>
                </tr>
              ))}
            </tbody>
          </TableWrap>
          <Example>
            The stage 4 reference at 1,000,000 users has no CDN. Its server-side static p95 is {formatNumber(ex.latency.serverStaticP95, 3)} ms; users
            perceive {formatNumber(ex.latency.regionalStaticP95, 3)} ms when they are near the region and {formatNumber(ex.latency.globalStaticP95, 3)} ms when
            they are spread over the world (the farthest fifth pay {AUDIENCE.staticRoundTrips.value} ×{' '}
            {Math.max(...AUDIENCE.global.value.map((b) => b.rttMs))} ms before a server starts). No number or size of servers shortens a
            round trip; with a CDN (the stage 5 reference) users perceive {formatNumber(ex.latency.cdnStaticP95, 3)} ms. That is why stage 5’s
            user-perceived static objective is a wall only a CDN passes.
          </Example>
          <h3 className="mt-8 text-lg font-semibold text-slate-900">Where the time goes</h3>
          <P>
            Every latency figure comes with a breakdown: for each hop on the path the class mostly follows, the network time to reach it,
            the mean wait for a free core (and how much of that is waiting behind background jobs run inline), the mean service time, and
            that hop’s share of the p95. A failing latency check names the hop that dominates and the technique that removes it.
          </P>
          <TableWrap caption={`Read p95 of the stage 4 reference at 1,000,000 users: ${formatNumber(ex.latency.breakdown.p95Ms, 3)} ms (computed by the engine)`}>
            <thead>
              <tr>
                <th scope="col" className={th}>
                  Hop
                </th>
                <th scope="col" className={`${th} text-right`}>
                  Network
                </th>
                <th scope="col" className={`${th} text-right`}>
                  Waiting
                </th>
                <th scope="col" className={`${th} text-right`}>
                  of which behind jobs
                </th>
                <th scope="col" className={`${th} text-right`}>
                  Service
                </th>
                <th scope="col" className={`${th} text-right`}>
                  Share of p95
                </th>
              </tr>
            </thead>
            <tbody>
              {ex.latency.breakdown.hops.map((h) => (
                <tr key={h.nodeId}>
                  <th scope="row" className={`${td} font-medium whitespace-nowrap`}>
                    {h.label}
                  </th>
                  <td className={tdNum}>{msText(h.networkMs)}</td>
                  <td className={tdNum}>{msText(h.waitingMs)}</td>
                  <td className={tdNum}>{msText(h.waitingBehindJobsMs)}</td>
                  <td className={tdNum}>{msText(h.serviceMs)}</td>
                  <td className={tdNum}>
                    {formatPercent(h.share, 0)} ({formatNumber(h.p95Ms, 3)} ms)
                  </td>
                </tr>
              ))}
            </tbody>
          </TableWrap>
          <P>
            A request times out once: a path through several saturated components reports one {NETWORK.timeoutMs.value / 1000} s timeout,
            not their sum, and no latency figure exceeds the timeout.
          </P>
        </Section>

        <Section id="saturation">
          <P>
            At <V>ρ</V> ≥ 1 a component receives more work than it can do. The queue would grow without end, so the model lets it serve
            at capacity: it answers 1/<V>ρ</V> of the requests, the rest fail (they count in the error rate), its latency is the{' '}
            {NETWORK.timeoutMs.value / 1000} s timeout, and only what it served flows on. Utilisation is reported uncapped (140% means it
            would need 1.4 times its capacity), and the component is marked saturated. A design that saturates anything fails the stage
            and scores no capacity points. Findings name the load that dominates the hot component and the technique that removes it.
          </P>
        </Section>

        <Section id="availability">
          <P>
            Availability is the expected share of requests that succeed. An instance fails now and then (on average every{' '}
            {formatNumber(mtbf / 24)} days) and is down until someone notices and it is restored:
          </P>
          <Formula label="A equals MTBF divided by MTBF plus time to detect plus time to restore">
            <V>A</V> = <Frac num="MTBF" den="MTBF + detect + restore" />
          </Formula>
          <TableWrap caption="Detection and restore times (NETWORK in lib/engine/catalog.ts)">
            <thead>
              <tr>
                <th scope="col" className={th}>
                  Step
                </th>
                <th scope="col" className={`${th} text-right`}>
                  Time
                </th>
                <th scope="col" className={th}>
                  When
                </th>
              </tr>
            </thead>
            <tbody>
              {(
                [
                  ['Detect, no monitoring', minutes(detect), 'a user notices and reports it'],
                  ['Detect, with monitoring', minutes(detectMon), 'alerting pages someone; monitoring anywhere shortens it for every instance'],
                  ['Restore automatically', minutes(automatic), 'an instance behind a load balancer, gateway or rate limiter (or a queue’s worker, or an autoscaling group) is replaced'],
                  ['Restore by hand', `${formatNumber(byHand)} h`, 'any other instance (a lone app server, a replica)'],
                  ['Restore from backup', `${formatNumber(backup)} h`, 'a database primary without a standby, or the stage 1 server that holds the data'],
                  ['Fail over', minutes(failover), 'a primary with a standby or replica: automatic, so no detection time is added'],
                  ['Deploy', `${NETWORK.deployDowntimeMinutes.value} min × ${w.deploysPerDay} a day`, 'an app tier that cannot roll a deploy: one instance, or not behind a load balancer, gateway or rate limiter'],
                ] as const
              ).map(([step, time, when]) => (
                <tr key={step}>
                  <th scope="row" className={`${td} font-medium whitespace-nowrap`}>
                    {step}
                  </th>
                  <td className={tdNum}>{time}</td>
                  <td className={`${td} min-w-56`}>{when}</td>
                </tr>
              ))}
            </tbody>
          </TableWrap>
          <P>An app tier that cannot deploy one instance at a time is also down for each deploy:</P>
          <Formula label="deploy factor equals one minus deploys per day times deploy minutes divided by 1,440 minutes">
            deploy factor = 1 − <Frac num="deploysPerDay × deploy minutes" den="1,440 min" /> = {formatNumber(1 - deployDown, 6)}
          </Formula>
          <Example>
            A lone app instance replaced by hand, with one deploy a day: {formatNumber(mtbf)} / ({formatNumber(mtbf)} + {formatNumber(detect)} + {formatNumber(byHand)}) × (1 −{' '}
            {NETWORK.deployDowntimeMinutes.value}/1,440) = {formatPercent(ex.loneApp, 3)} ({formatPercent(ex.loneAppMonitored, 3)} with monitoring). A lone
            database restored from backup: {formatPercent(ex.loneDb, 3)} ({formatPercent(ex.loneDbMonitored, 3)} with monitoring: monitoring never makes a lone
            database highly available). With a standby: {formatPercent(ex.standbyDb, 4)}.
          </Example>
          <P>
            Redundancy needs something that routes around a failure. Only behind a health-checking splitter (a load balancer, gateway or
            rate limiter, a queue in front of workers, a primary in front of its replicas) does a component of <V>n</V> instances that needs <V>k</V> of
            them to carry the peak count as up while at least <V>k</V> are:
          </P>
          <Formula label="A k of n equals the sum from i equals k to n of n choose i, times A to the i, times one minus A to the n minus i">
            <V>A</V>
            <sub>
              <V>k</V> of <V>n</V>
            </sub>{' '}
            = Σ<sub><V>i</V>=<V>k</V></sub>
            <sup>
              <V>n</V>
            </sup>{' '}
            (<V>n</V> choose <V>i</V>) <V>A</V>
            <sup>
              <V>i</V>
            </sup>
            (1 − <V>A</V>)
            <sup>
              <V>n</V>−<V>i</V>
            </sup>
          </Formula>
          <P>
            Elsewhere each instance fails its own share of requests, so two app servers wired straight to users are no better than one (
            {formatPercent(ex.stage2TwoNoLb, 3)} end to end, as with one). A read replica’s replay of the write stream does not shrink when a sibling
            fails, so the survivors must carry it too. When a cache instance fails, its keys miss and go to the store behind it (to the
            replicas, where the primary passes reads on to them): if they can carry one failed instance’s misses, the cache is not a point
            of failure, because reads slow down but succeed.
          </P>
          <Example>
            Three app instances behind a load balancer, replaced automatically, of which two carry the load: {formatNumber(threeForTwo, 7)}, against{' '}
            {formatNumber(instAuto ** 3, 5)} if all three were needed. Two behind a load balancer: {formatPercent(ex.twoBehindLb, 5)}.
          </Example>
          <P>
            A path is up when everything on it is, and a region is up {formatPercent(NETWORK.regionAvailability.value, 2)} of the time. Where geo DNS
            spreads users over two or more regions, each region holds its whole path (entry, compute and its own copy of the data, shared
            with no other region) and the survivors can carry a failed region without saturating, the regions count in parallel, whole
            paths at a time (geo DNS sends users away from a region whose path is down):
          </P>
          <Formula label="A geo equals one minus the product over regions of one minus the availability of region r's whole path">
            <V>A</V>
            <sub>geo</sub> = 1 − Π<sub><V>r</V></sub> (1 − <V>A</V>
            <sub>path in region <V>r</V></sub>)
          </Formula>
          <P>
            Where the regions share a component (one database both call), that component fails them together: only the regions’ own{' '}
            {formatPercent(NETWORK.regionAvailability.value, 2)} counts in parallel and everything on the path still multiplies. The same rule
            decides the multi-region practice: at least two regions, each with compute serving users and a data store of its own.
          </P>
          <P>
            Managed services use their typical observed availability (DNS 99.9999%, CDN and load balancer 99.995%). The end-to-end figure
            multiplies the path availability by (1 − error rate − shed rate): failed requests and requests a rate limiter sheds do not
            succeed. A single point of failure is a component on a user path with no spare instance; its finding says whether it is one
            instance or several that are all needed for the load.
          </P>
          <TableWrap caption="What each step buys, end to end (computed by the engine)">
            <thead>
              <tr>
                <th scope="col" className={th}>
                  Design
                </th>
                <th scope="col" className={`${th} text-right`}>
                  Availability
                </th>
              </tr>
            </thead>
            <tbody>
              {(
                [
                  ['Lone app server + lone database (stage 2)', ex.stage2Shape],
                  ['… with monitoring', ex.stage2Monitored],
                  ['… with two app servers but no load balancer', ex.stage2TwoNoLb],
                  ['… with a standby database', ex.stage2Standby],
                  ['… with a standby database and monitoring', ex.stage2StandbyMonitored],
                  ['Load balancer + 2 app servers + lone database (stage 3)', ex.stage3Shape],
                  ['… with a standby database', ex.stage3Standby],
                  ['Stage 8 reference: two regions behind geo DNS', ex.stage8],
                ] as const
              ).map(([label, a]) => (
                <tr key={label}>
                  <th scope="row" className={`${td} font-normal`}>
                    {label}
                  </th>
                  <td className={tdNum}>{formatPercent(a, 3)}</td>
                </tr>
              ))}
            </tbody>
          </TableWrap>
          <P>
            Static requests never touch the database, so the stage 2 shape is at {formatPercent(ex.stage2Shape, 2)}: {formatPercent(ex.stage2Monitored, 2)} with
            monitoring, {formatPercent(ex.stage2Standby, 2)} with a standby and {formatPercent(ex.stage2StandbyMonitored, 2)} with both. Stage 3 therefore asks
            for {formatPercent(stage3Objective, 1)}: high enough that nothing but a load balancer lifts the stage 2 shape past it, low enough that the
            stage 3 shape ({formatPercent(ex.stage3Shape, 2)}) passes. A failing availability check names its cause in numbers: the weakest
            component and its time down a year, and why more of the same cannot lift it.
          </P>
        </Section>

        <Section id="cost">
          <P>
            The monthly bill is instance-hours at the price of each kind and size ({HOURS_PER_MONTH} hours a month, the average instance
            count where autoscaled), plus CDN and internet egress by the gigabyte, storage by the gigabyte-month (each copy, and a whole
            copy in each region that holds data), inter-region transfer of the writes copied between regions, logs by the gigabyte
            ingested, and request charges where a service bills by request. Usage is billed at the average hour (peak ÷ peak factor). The
            engine reports the bill as lines that add up to the total: one per component, then internet egress, CDN, storage and
            transfer.
          </P>
          <Example>
            Three app servers (EC2 m6g.large at {formatPrice(appPrice)} an hour): 3 × {formatPrice(appPrice)} × {HOURS_PER_MONTH} h = {formatPrice(3 * appPrice * HOURS_PER_MONTH)} a
            month. The stage 8 reference’s bill (100M users, two regions), line by line: {formatPrice(ex.bill.totalUsd)} a month, of which
            components {formatPrice(ex.bill.componentsUsd)} (logging {formatPrice(ex.bill.loggingUsd)}, for {formatInteger(ex.bill.logIngestionGB)} GB of
            logs), {ex.bill.lines.map((l) => `${/^[A-Z][a-z]/.test(l.label) ? l.label[0].toLowerCase() + l.label.slice(1) : l.label} ${formatPrice(l.usd)}`).join(', ')} (
            {formatInteger(ex.bill.transferGB)} GB between regions).
          </Example>
        </Section>

        <Section id="stages">
          <P>
            The same design is judged at eight growth stages, each at its own user count with the default workload and the stage’s
            audience, so a design cannot pass a stage by lowering the requests per user. A stage passes when nothing saturates, every
            request has somewhere to go, the data fits, shedding stays at most 0.1%, every latency objective and the availability are met,
            the flash crowd (stage 8) leaves ordinary users with at most 1% errors, the cost fits the budget, and the stage’s practices are
            present.
          </P>
          <StagesTable />
          <P>The score out of 100 is the sum of five parts, each rounded to 0.1:</P>
          <ul className="mt-3 max-w-3xl list-disc space-y-2 pl-5 leading-relaxed text-slate-700">
            <li>
              <strong className="text-slate-900">Capacity, 30:</strong> full while the busiest component is at most 80% busy, falling to 0 at
              100%; 0 if anything saturates, data does not fit or traffic has nowhere to go.
            </li>
            <li>
              <strong className="text-slate-900">Latency, 20:</strong> for each latency objective (read; write from stage 6; user-perceived
              static from stage 5), full at the objective and falling linearly to 0 at twice it; the part is the worst of them.
            </li>
            <li>
              <strong className="text-slate-900">Availability, 20:</strong> full at the objective, 0 at ten times the allowed downtime,
              logarithmic between; shedding above 0.1% or a failing flash crowd caps it the same way.
            </li>
            <li>
              <strong className="text-slate-900">Cost, 15:</strong> full within the budget, 0 at twice it.
            </li>
            <li>
              <strong className="text-slate-900">Practices, 15:</strong> the share of the stage’s required practices present.
            </li>
          </ul>
          <P>
            A failing stage never shows 100. Each stage’s reference design passes its own stage with 100.
          </P>
          <h3 className="mt-8 text-lg font-semibold text-slate-900">Flash crowd</h3>
          <P>
            At stage 8, traffic jumps to {w.flashFactor}× the peak for a few minutes, most of the excess from a few clients. Whatever fails
            at that load fails for everyone; what a rate limiter sheds is the crowd’s excess first, and only shedding beyond that excess
            reaches ordinary users. Computed by the engine: the stage 7 reference (no rate limiter) fails {formatPercent(ex.flash.stage7, 2)} of
            ordinary users’ requests; the stage 8 reference, with rate limiters, {formatPercent(ex.flash.stage8, 2)}.
          </P>
        </Section>

        <Section id="invariant">
          <P>
            Each technique has to pay off in the numbers where it pays off in real systems. Where a transition is a <strong>wall</strong>,
            the stage’s reference design fails the next stage on a number, and no “more of the same” (changing only counts and sizes of
            what it already has) passes every numeric check of that stage within its budget. A search shows it
            (<code className="font-mono text-sm">lib/engine/more-of-the-same.ts</code>): a grid over counts (×1 to ×32) and sizes, then
            the culprits of each failing check doubled and upsized step by step; run on the reference designs, it finds no passing variant
            for any wall (docs/model.md §8 lists what each best attempt still fails). Where a transition is <strong>soft</strong>, real systems
            can grow without the technique for a while, so the practice check instead shows what the technique buys, computed by the
            engine with and without it.
          </P>
          <TableWrap caption="The transitions and the mechanism that decides each">
            <thead>
              <tr>
                <th scope="col" className={th}>
                  Transition
                </th>
                <th scope="col" className={th}>
                  Why
                </th>
              </tr>
            </thead>
            <tbody>
              {(
                [
                  ['1 → 2 separate database', 'soft', 'app and database stop fighting over one box’s cores; each is sized on its own'],
                  ['2 → 3 load balancer', 'wall: availability', 'a lone app tier is down for every deploy and repaired by hand; instances without a health-checking splitter are not redundant'],
                  ['3 → 4 replication', 'wall: availability', `a lone primary restores from backup in ${formatNumber(backup)} h; a standby fails over in ${minutes(failover)}`],
                  ['4 → 5 CDN', 'wall: latency', `a global audience’s first asset costs ${AUDIENCE.staticRoundTrips.value} round trips of up to ${Math.max(...AUDIENCE.global.value.map((b) => b.rttMs))} ms to one region; a CDN edge is ${AUDIENCE.cdnEdge.value.map((b) => b.rttMs).join('–')} ms away`],
                  ['4 → 5 cache', 'soft, made visible', 'a cache removes most database work: replicas, cost and p95 with and without'],
                  ['5 → 6 queue and workers', 'wall: latency', 'jobs run inline push the write p95 past its objective; no instance count shortens a 200 ms job'],
                  ['6 → 7 services', 'soft', 'the blast radius of a bad deploy: a monolith’s fails every route, a service’s only its own'],
                  ['7 → 8 regions, rate limiting, monitoring', 'wall: availability, errors', 'one region is up 99.99% at best; a flash crowd without a rate limiter fails requests for everyone'],
                ] as const
              ).map(([t, kind, why]) => (
                <tr key={t}>
                  <th scope="row" className={`${td} w-40 font-medium sm:w-72`}>
                    {t}
                    <span
                      className={`mt-1 block w-fit rounded px-1.5 py-0.5 text-xs font-semibold ${kind.startsWith('wall') ? 'bg-red-50 text-red-800' : 'bg-slate-100 text-slate-700'}`}
                    >
                      {kind}
                    </span>
                  </th>
                  <td className={td}>{why}</td>
                </tr>
              ))}
            </tbody>
          </TableWrap>
          <P>The with/without comparisons on the soft transitions, computed by the engine on the reference designs:</P>
          <ul className="mt-3 max-w-3xl list-disc space-y-2 pl-5 leading-relaxed text-slate-700">
            <li>
              <strong className="text-slate-900">Separate database (stage 2):</strong> {ex.comparisons.separate}
            </li>
            <li>
              <strong className="text-slate-900">Cache for reads (stage 5):</strong> {ex.comparisons.cache}
            </li>
            <li>
              <strong className="text-slate-900">Services own their data (stage 7):</strong> {ex.comparisons.services}
            </li>
          </ul>
        </Section>

        <Section id="calibration">
          <P>
            Every figure in the catalog should sit inside a published range: benchmark results, vendor documentation, price lists. The
            table puts each one next to its counterpart and says how far it departs. The engine’s values are read from the catalog when
            the page is built (<code className="font-mono text-sm">lib/engine/calibration.ts</code>), and a test fails if a row leaves its
            range without a written reason. Rows marked open are known to be wrong and are to be fixed in the engine (
            {openRows === 0 ? 'none is open now' : `${openRows} open now`}).
          </P>
          <CalibrationTable rows={calibration} />
        </Section>

        <Section id="catalog">
          <P>
            Every component kind starts from these defaults; any of them can be changed per component. Each figure comes from a public
            benchmark, a price list or the specification, or is calibrated so the stages behave as the lessons say. Figures without a
            primary source are marked unverified (in amber below): treat them as placeholders.
          </P>
          <CatalogTable />
          <CatalogSources />
          <ParamsTable />
        </Section>

        <Section id="prices">
          <P>
            One dated price table drives every cost (prices drift, so the date matters): AWS us-east-1 on-demand prices, checked{' '}
            {PRICES_DATE}. Sizes double the price at each step up from medium.
          </P>
          <PriceTables />
        </Section>

        <Section id="decisions">
          <P>
            The whole model in one document, <code className="font-mono text-sm">docs/model.md</code> in the repository: every rule,
            figure and decision the engine makes where the specification is silent, and its known limits. Open a part to read it.
          </P>
          <div className="mt-4 max-w-4xl">
            <ModelNotes />
          </div>
        </Section>

        <Section id="accuracy">
          <P>
            The formulas above are approximations wherever requests of different sizes share a server or paths are combined. To check
            them, a discrete-event simulation runs the same design request by request: random (Poisson) arrivals at the peak rates,
            random service times, real queues at every core, cache hits and misses drawn per request, round-robin as a real rotation. It
            shares the routing with the model but measures the queueing instead of computing it. The specification asks for agreement
            within {formatPercent(accuracy.tolerance.utilization, 0)} on utilisation, {formatPercent(accuracy.tolerance.mean, 0)} on mean latency and{' '}
            {formatPercent(accuracy.tolerance.p99, 0)} on p99 wherever every component is at most 80% busy (below {accuracy.tolerance.utilizationFloor}{' '}
            utilisation, within an absolute {formatNumber(accuracy.tolerance.utilization * accuracy.tolerance.utilizationFloor)}, since tiny busy
            fractions are mostly sampling noise). A figure is only judged where the simulation measured enough of it:{' '}
            {formatInteger(accuracy.tolerance.minVisits)} visits for a response time, and for a utilisation a sampling error (about √(2/N) over N
            visits) of at most a third of its tolerance.
          </P>
          <AccuracyTables data={accuracy as AccuracyData} />
          <P>
            These numbers are produced by the project’s own code (<code className="font-mono text-sm">scripts/accuracy.ts</code>), not typed
            by hand; the test suite fails if they no longer match what the engine and the simulator produce. Measured: simulated requests{' '}
            {formatInteger(Math.min(...accuracy.cases.map((c) => c.requests)))} to {formatInteger(Math.max(...accuracy.cases.map((c) => c.requests)))} per
            design, {WORKLOAD_DEFAULTS.peakFactor}× peak factor.
          </P>
        </Section>
      </div>
    </div>
  );
}
