import Link from 'next/link';

export default function ScenarioNotFound() {
  return (
    <div className="mx-auto max-w-xl px-4 py-20 text-center">
      <h1 className="text-2xl font-semibold text-slate-900">No scenario at this link</h1>
      <p className="mt-3 text-slate-700">
        The link may be mistyped or cut short, or the scenario may have been deleted. Ask your instructor for the full student link.
      </p>
      <Link href="/learn" className="mt-6 inline-block rounded-lg bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
        Practise on the learning path
      </Link>
    </div>
  );
}
