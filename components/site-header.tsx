import Link from 'next/link';
import { NAV } from '@/lib/shared/nav';
import { Logo } from './logo';
import { MobileMenu } from './mobile-menu';
import { NavLinks } from './nav-links';

export function SiteHeader() {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-6 px-4">
        <Link href="/" className="flex shrink-0 items-center gap-2 font-semibold text-slate-900" aria-label="ScaleLab home">
          <Logo className="h-6 w-6" />
          <span>ScaleLab</span>
        </Link>
        {NAV.length > 0 && (
          <>
            <nav aria-label="Main" className="hidden items-center gap-1 text-sm md:flex">
              <NavLinks variant="bar" />
            </nav>
            {/* Phones: the same links behind a disclosure, so they never wrap into the header. */}
            <MobileMenu
              className="group relative ml-auto md:hidden"
              summary={
                <summary className="flex cursor-pointer list-none items-center gap-2 rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 [&::-webkit-details-marker]:hidden">
                  <svg viewBox="0 0 20 20" className="h-4 w-4" aria-hidden="true">
                    <path d="M3 5h14M3 10h14M3 15h14" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
                  </svg>
                  Menu
                </summary>
              }
            >
              <nav
                aria-label="Main"
                className="absolute right-0 z-50 mt-2 flex w-56 flex-col rounded-lg border border-slate-200 bg-white p-1 text-sm shadow-lg"
              >
                <NavLinks variant="menu" />
              </nav>
            </MobileMenu>
          </>
        )}
      </div>
    </header>
  );
}
