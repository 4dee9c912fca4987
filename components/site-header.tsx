import Link from 'next/link';
import { NAV } from '@/lib/nav';
import { Logo } from './logo';

export function SiteHeader() {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-6 px-4">
        <Link href="/" className="flex items-center gap-2 font-semibold text-slate-900" aria-label="ScaleLab home">
          <Logo className="h-6 w-6" />
          <span>ScaleLab</span>
        </Link>
        {NAV.length > 0 && (
          <nav aria-label="Main" className="flex items-center gap-1 overflow-x-auto text-sm">
            {NAV.map((item) => (
              <Link
                key={item.href}
                href={item.href}
                className="rounded-md px-3 py-1.5 text-slate-600 hover:bg-slate-100 hover:text-slate-900"
              >
                {item.label}
              </Link>
            ))}
          </nav>
        )}
      </div>
    </header>
  );
}
