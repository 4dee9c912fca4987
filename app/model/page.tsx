import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import accuracy from '@/content/model/accuracy.json';
import { AccuracyTables, type AccuracyData } from '@/components/model/accuracy-table';
import { grouped, num, pct, usd } from '@/components/model/format';
import { Formula, Frac, V } from '@/components/model/math';
import { ModelNotes } from '@/components/model/model-notes';
import { CatalogSources, CatalogTable, PriceTables, StagesTable, WorkloadTable } from '@/components/model/reference-tables';
import { NETWORK } from '@/lib/engine/catalog';
import { HOURLY_PRICES, HOURS_PER_MONTH, PRICES_DATE } from '@/lib/engine/prices';
import { mmc, mmcMixturePercentile } from '@/lib/engine/queueing';
import { kOfN } from '@/lib/engine/run';
import { peakLoad, resolveWorkload, WORKLOAD_DEFAULTS } from '@/lib/engine/workload';

export const metadata: Metadata = {
  title: 'The model',
  description:
    'How ScaleLab turns a design into numbers: load, queueing (Erlang C and M/M/c response times), saturation, availability, cost and stage scores, with every default, price and source, and how closely a simulation agrees.',
};

export const dynamic = 'force-static';

const SECTIONS = [
  ['load', 'From users to load'],
  ['propagation', 'Where traffic goes'],
  ['queueing', 'Queues and latency'],
  ['saturation', 'Saturation'],
  ['availability', 'Availability'],
  ['cost', 'Cost'],
  ['stages', 'Stages and scores'],
  ['catalog', 'Catalog defaults and sources'],
  ['prices', 'Prices'],
  ['decisions', 'Decisions the engine makes'],
  ['accuracy', 'How accurate is it?'],
] as const;

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="scroll-mt-6 border-t border-slate-200 pt-10">
      <h2 id={id} className="text-2xl font-semibold tracking-tight text-slate-900">
        {title}
      </h2>
      <div className="mt-4 max-w-none">{children}</div>
    </section>
  );
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
  const mtbf = 60 * 24;
  const inst = mtbf / (mtbf + 4);
  const instMonitored = mtbf / (mtbf + 0.25);
  const threeForTwo = kOfN(2, 3, inst);
  const appPrice = HOURLY_PRICES['ec2-m6g.large'].usdPerHour;

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
        <Section id="load" title="1. From users to load">
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
            At 1,000,000 daily users: <V>R</V> = 1,000,000 × {w.requestsPerUserPerDay} ÷ 86,400 × {w.peakFactor} = {num(load.total, 4)} requests/s, of
            which {num(load.static, 4)} static, {num(load.read, 4)} reads, {num(load.write, 3)} writes, and {num(load.job, 3)} background jobs
            per second.
          </Example>
        </Section>

        <Section id="propagation" title="2. Where traffic goes">
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

        <Section id="queueing" title="3. Queues and latency">
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
            Two cores, <V>λ</V> = 9 requests/s, <V>μ</V> = 5/s: <V>ρ</V> = {num(mm2.rho)}, <V>C</V> = {num(mm2.c, 4)}, <V>W</V>
            <sub>q</sub> = {num(mm2.wq, 4)} s, mean response {num(mm2.r, 4)} s (the textbook answer is 1.053 s), p99 {num(mm2p99, 3)} s. At 90% busy,
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
            An app server running jobs inline under the default workload: mean service {num(es, 3)} ms, <V>c</V>
            <sub>s</sub>
            <sup>2</sup> = {num(cs2, 3)}, so a single core waits about {num((1 + cs2) / 2, 3)} times as long as a queue of equal, exponential
            requests would. Moving the jobs to a queue and workers removes that, which is what stage 6 teaches.
          </Example>
          <P>
            <V>c</V>
            <sub>a</sub>
            <sup>2</sup> describes the arrivals. Random splitting keeps them random (<V>c</V>
            <sub>a</sub>
            <sup>2</sup> = 1). Round-robin over <V>n</V> instances gives each instance every <V>n</V>-th request, which is smoother (
            <V>c</V>
            <sub>a</sub>
            <sup>2</sup> = 1/<V>n</V>), so it waits less. Least-connections is modelled as one shared queue over all instances
            (M/M/<V>nc</V>), which waits least of all; that is right when the balancer holds requests until an instance has a free core,
            and optimistic when it sends each request at once to the shortest queue (see the known limits under accuracy). For several cores the engine also treats the wait for the first core to free up
            separately (see the decisions below).
          </P>
          <h3 className="mt-8 text-lg font-semibold text-slate-900">End to end</h3>
          <P>
            A request’s time is the sum of everything on its path: network hops ({NETWORK.insideRegionMs.value} ms inside a region, {NETWORK.acrossRegionsMs.value} ms across regions,{' '}
            {NETWORK.cdnToOriginMs.value} ms from a CDN edge to the origin; server-side time starts at the entry, and the user-perceived view adds
            the user’s round trips), the fixed latency of managed components, and the wait and service at each queue. Different requests take
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
        </Section>

        <Section id="saturation" title="4. Saturation">
          <P>
            At <V>ρ</V> ≥ 1 a component receives more work than it can do. The queue would grow without end, so the model lets it serve
            at capacity: it answers 1/<V>ρ</V> of the requests, the rest fail (they count in the error rate), its latency is the{' '}
            {NETWORK.timeoutMs.value / 1000} s timeout, and only what it served flows on. Utilisation is reported uncapped (140% means it
            would need 1.4 times its capacity), and the component is marked saturated. A design that saturates anything fails the stage
            and scores no capacity points. Findings name the load that dominates the hot component and the technique that removes it.
          </P>
        </Section>

        <Section id="availability" title="5. Availability">
          <P>
            Availability is the expected share of requests that succeed. An instance fails now and then and is repaired; with a mean time
            between failures of 60 days and a mean time to repair of 4 hours it is up
          </P>
          <Formula label="A equals MTBF divided by MTBF plus MTTR">
            <V>A</V> = <Frac num="MTBF" den="MTBF + MTTR" /> = <Frac num="1,440 h" den="1,440 h + 4 h" /> = {num(inst, 5)}
          </Formula>
          <P>
            Monitoring detects failures and replaces instances in 15 minutes ({num(instMonitored, 6)}). A component of <V>n</V> instances that
            needs <V>k</V> of them to carry the peak is up when at least <V>k</V> are:
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
          <Example>
            Three app instances of which two carry the load: {num(threeForTwo, 7)}, against {num(inst * inst * inst, 5)} if all three were
            needed. Spare capacity is what buys availability.
          </Example>
          <P>
            Sibling components behind one splitter count as one redundancy group. A database primary is a single instance unless it has a
            standby or a replica to fail over to (in a minute). Managed services use their typical observed availability (DNS 99.9999%, CDN
            and load balancer 99.995%). A path is up when everything on it is; a request class is the mixture of its paths; regions count
            in parallel only where geo DNS spreads users over them and the survivors can carry a failed region without saturating. A
            single point of failure is a component on a user path with no spare instance. The end-to-end figure also subtracts the error
            rate, since failed requests do not succeed.
          </P>
        </Section>

        <Section id="cost" title="6. Cost">
          <P>
            The monthly bill is instance-hours at the price of each kind and size ({HOURS_PER_MONTH} hours a month, the average instance
            count where autoscaled), plus CDN and internet egress by the gigabyte, storage by the gigabyte-month (each copy), and
            request charges where a service bills by request. The engine reports the total, the cost per component, and the cost per
            1,000 daily users.
          </P>
          <Example>
            Three app servers (EC2 m6g.large at {usd(appPrice)} an hour): 3 × {usd(appPrice)} × {HOURS_PER_MONTH} h = {usd(3 * appPrice * HOURS_PER_MONTH)} a
            month. At scale, egress dominates: 100M users each loading a few megabytes a day is petabytes a month.
          </Example>
        </Section>

        <Section id="stages" title="7. Stages and scores">
          <P>
            The same design is judged at eight growth stages, each at its own user count with the default workload, so a design cannot
            pass a stage by lowering the requests per user. A stage passes when nothing saturates, every request has somewhere to go, the
            data fits, the p95 read latency and the availability meet the objectives, the cost fits the budget, and the stage’s practices
            are present.
          </P>
          <StagesTable />
          <P>The score out of 100 is the sum of five parts, each rounded to 0.1:</P>
          <ul className="mt-3 max-w-3xl list-disc space-y-2 pl-5 leading-relaxed text-slate-700">
            <li>
              <strong className="text-slate-900">Capacity, 30:</strong> full while the busiest component is at most 80% busy, falling to 0 at
              100%; 0 if anything saturates, data does not fit or traffic has nowhere to go.
            </li>
            <li>
              <strong className="text-slate-900">Latency, 20:</strong> full at the p95 objective, falling linearly to 0 at twice it.
            </li>
            <li>
              <strong className="text-slate-900">Availability, 20:</strong> full at the objective, 0 at ten times the allowed downtime,
              logarithmic between.
            </li>
            <li>
              <strong className="text-slate-900">Cost, 15:</strong> full within the budget, 0 at twice it.
            </li>
            <li>
              <strong className="text-slate-900">Practices, 15:</strong> the share of the stage’s required practices present.
            </li>
          </ul>
          <P>
            Each stage’s reference design passes its own stage with 100 and fails the next, with a finding that points to the next
            lesson; the test suite checks this.
          </P>
        </Section>

        <Section id="catalog" title="8. Catalog defaults and sources">
          <P>
            Every component kind starts from these defaults; any of them can be changed per component. Each figure comes from a public
            benchmark, a price list or the specification, or is calibrated so the stages behave as the lessons say. Figures without a
            primary source are marked unverified (in amber below): treat them as placeholders.
          </P>
          <CatalogTable />
          <CatalogSources />
        </Section>

        <Section id="prices" title="9. Prices">
          <P>
            One dated price table drives every cost (prices drift, so the date matters): AWS us-east-1 on-demand prices, checked{' '}
            {PRICES_DATE}. Sizes double the price at each step up from medium.
          </P>
          <PriceTables />
        </Section>

        <Section id="decisions" title="10. Decisions the engine makes">
          <div className="max-w-3xl">
            <ModelNotes />
          </div>
        </Section>

        <Section id="accuracy" title="11. How accurate is it?">
          <P>
            The formulas above are approximations wherever requests of different sizes share a server or paths are combined. To check
            them, a discrete-event simulation runs the same design request by request: random (Poisson) arrivals at the peak rates,
            random service times, real queues at every core, cache hits and misses drawn per request, round-robin as a real rotation. It
            shares the routing with the model but measures the queueing instead of computing it. The specification asks for agreement
            within {pct(accuracy.tolerance.utilization, 0)} on utilisation, {pct(accuracy.tolerance.mean, 0)} on mean latency and{' '}
            {pct(accuracy.tolerance.p99, 0)} on p99 wherever every component is at most 80% busy (below {accuracy.tolerance.utilizationFloor}{' '}
            utilisation, within an absolute {num(accuracy.tolerance.utilization * accuracy.tolerance.utilizationFloor)}, since tiny busy
            fractions are mostly sampling noise). A figure is only judged where the simulation measured enough of it:{' '}
            {grouped(accuracy.tolerance.minVisits)} visits for a response time, and for a utilisation a sampling error (about √(2/N) over N
            visits) of at most a third of its tolerance.
          </P>
          <AccuracyTables data={accuracy as AccuracyData} />
          <P>
            These numbers are produced by the project’s own code (<code className="font-mono text-sm">scripts/accuracy.ts</code>), not typed
            by hand; the test suite fails if they no longer match what the engine and the simulator produce. Measured: simulated requests{' '}
            {grouped(Math.min(...accuracy.cases.map((c) => c.requests)))} to {grouped(Math.max(...accuracy.cases.map((c) => c.requests)))} per
            design, {WORKLOAD_DEFAULTS.peakFactor}× peak factor.
          </P>
        </Section>
      </div>
    </div>
  );
}
