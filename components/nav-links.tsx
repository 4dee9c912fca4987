'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { NAV } from '@/lib/shared/nav';

/** The main navigation links, marking the current section with aria-current. */
export function NavLinks({ variant }: { variant: 'bar' | 'menu' }) {
  const pathname = usePathname() ?? '/';
  return NAV.map((item) => {
    const current = pathname === item.href || pathname.startsWith(`${item.href}/`);
    const base =
      variant === 'bar'
        ? 'whitespace-nowrap rounded-md px-3 py-1.5 hover:bg-slate-100 hover:text-slate-900'
        : 'rounded-md px-3 py-2 hover:bg-slate-100 hover:text-slate-900';
    return (
      <Link
        key={item.href}
        href={item.href}
        aria-current={current ? 'page' : undefined}
        className={`${base} ${current ? 'bg-slate-100 font-medium text-slate-900' : 'text-slate-600'}`}
      >
        {item.label}
      </Link>
    );
  });
}
