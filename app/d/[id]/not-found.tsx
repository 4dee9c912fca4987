import Link from 'next/link';
import { RETENTION_DAYS } from '@/lib/server/designs';

export default function SharedDesignNotFound() {
  return (
    <div className="mx-auto max-w-xl px-4 py-20 text-center">
      <h1 className="text-2xl font-semibold text-slate-900">No design at this link</h1>
      <p className="mt-3 text-slate-700">
        The link may be mistyped or cut short, or the design has expired: a shared design nobody opens for {RETENTION_DAYS} days is deleted. Ask whoever shared it for the full link, or build your own design in the sandbox.
      </p>
      <Link href="/play" className="mt-6 inline-block rounded-lg bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
        Open the sandbox
      </Link>
    </div>
  );
}
