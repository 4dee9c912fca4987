import Link from 'next/link';
import { NAV } from '@/lib/shared/nav';
import { STAGES } from '@/lib/rules/stages';
import { formatUsers } from '@/lib/shared/format';

export default function HomePage() {
  const primary = NAV[0];
  return (
    <div className="flex flex-col">
      <section className="border-b border-slate-200 bg-gradient-to-b from-brand-50 to-white">
        <div className="mx-auto max-w-6xl px-4 py-16 sm:py-24">
          <p className="text-sm font-semibold uppercase tracking-wide text-brand-600">System design, by building</p>
          <h1 className="mt-3 max-w-3xl text-4xl font-bold tracking-tight text-slate-900 sm:text-5xl">
            Scale a system from one server to a hundred million users.
          </h1>
          <p className="mt-5 max-w-2xl text-lg leading-relaxed text-slate-700">
            Drag load balancers, app servers, databases, caches, CDNs and queues onto a canvas and wire them
            together. A queueing model scores your design at every growth stage — latency, availability, cost and
            the component that breaks first — and tells you what to learn next.
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            {primary ? (
              <Link
                href={primary.href}
                className="rounded-lg bg-brand-600 px-5 py-3 font-medium text-white shadow-sm hover:bg-brand-700"
              >
                {primary.label}
              </Link>
            ) : null}
            {NAV.slice(1).map((item) => (
              <Link
                key={item.href}
                href={item.href}
                className="rounded-lg border border-slate-300 bg-white px-5 py-3 font-medium text-slate-800 hover:bg-slate-50"
              >
                {item.label}
              </Link>
            ))}
          </div>
        </div>
      </section>

      <section aria-labelledby="journey" className="mx-auto w-full max-w-6xl px-4 py-14">
        <h2 id="journey" className="text-2xl font-semibold text-slate-900">
          Eight growth stages, one design
        </h2>
        <p className="mt-2 max-w-2xl text-slate-700">
          Each stage raises the traffic and tightens the service levels. The same design is scored at every stage, so
          you see exactly where it stops coping and why.
        </p>
        <ol className="mt-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {STAGES.map((s) => (
            <li key={s.stage}>
              <Link
                href={`/learn/${s.lessonId}`}
                className="group block h-full rounded-xl border border-slate-200 bg-white p-4 shadow-sm transition hover:border-brand-300 hover:shadow-md focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
              >
                <div className="flex items-baseline justify-between">
                  <span className="text-xs font-semibold uppercase tracking-wide text-slate-500">Stage {s.stage}</span>
                  <span className="font-mono text-sm text-brand-700">{formatUsers(s.users)} users</span>
                </div>
                <h3 className="mt-2 font-semibold text-slate-900 group-hover:text-brand-700">{s.name}</h3>
                <p className="mt-1 text-sm leading-relaxed text-slate-600">{s.summary}</p>
              </Link>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="how" className="border-t border-slate-200 bg-slate-50">
        <div className="mx-auto grid max-w-6xl gap-8 px-4 py-14 md:grid-cols-3">
          <h2 id="how" className="sr-only">
            How ScaleLab works
          </h2>
          <Feature title="A real capacity model">
            Every component is a queue. Utilisation, p95 and p99 latency come from Erlang C and exact M/M/c response
            times, checked against a discrete-event simulation and textbook answers.
          </Feature>
          <Feature title="Availability and cost, not just speed">
            Instances fail and recover; single points of failure are found for you. Monthly cost comes from a dated
            cloud price table, per component and per thousand users.
          </Feature>
          <Feature title="Learn, practise, teach">
            Work through the stages with a lesson beside the canvas, rehearse a timed system-design interview, or
            share a scenario with a class and see every design graded.
          </Feature>
        </div>
      </section>
    </div>
  );
}

function Feature({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div>
      <h3 className="font-semibold text-slate-900">{title}</h3>
      <p className="mt-2 text-sm leading-relaxed text-slate-700">{children}</p>
    </div>
  );
}
