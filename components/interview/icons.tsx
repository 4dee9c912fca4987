import type { ReactNode } from 'react';

const PATHS = {
  pause: <path d="M7 4.5v11M13 4.5v11" />,
  play: <path d="M6.5 4.5v11l9-5.5-9-5.5Z" />,
  clock: (
    <>
      <circle cx="10" cy="10" r="7.25" />
      <path d="M10 6v4.25l2.75 1.75" />
    </>
  ),
  arrowRight: <path d="M4 10h12m0 0-4.5-4.5M16 10l-4.5 4.5" />,
  arrowLeft: <path d="M16 10H4m0 0 4.5-4.5M4 10l4.5 4.5" />,
  bolt: <path d="M11 2.5 4.5 11h5l-1 6.5L15.5 9h-5l.5-6.5Z" />,
  download: <path d="M10 3v9m0 0-3.5-3.5M10 12l3.5-3.5M3.5 13v2.5A1.5 1.5 0 0 0 5 17h10a1.5 1.5 0 0 0 1.5-1.5V13" />,
  print: (
    <>
      <path d="M5.5 7.5V3h9v4.5" />
      <rect x="3" y="7.5" width="14" height="6.5" rx="1.5" />
      <path d="M6 12h8v5H6z" />
    </>
  ),
  question: (
    <>
      <circle cx="10" cy="10" r="7.5" />
      <path d="M7.75 7.75a2.25 2.25 0 1 1 3.3 2c-.65.35-1.05.9-1.05 1.6v.4M10 14.5h.01" />
    </>
  ),
  book: <path d="M4 4.5A1.5 1.5 0 0 1 5.5 3H16v12H5.5A1.5 1.5 0 0 0 4 16.5v-12ZM4 16.5A1.5 1.5 0 0 0 5.5 18H16" />,
  restart: <path d="M4 10a6 6 0 1 0 1.76-4.24M4 4v3.5h3.5" />,
  eye: (
    <>
      <path d="M2.5 10S5.5 4.5 10 4.5 17.5 10 17.5 10 14.5 15.5 10 15.5 2.5 10 2.5 10Z" />
      <circle cx="10" cy="10" r="2.25" />
    </>
  ),
  eyeOff: (
    <path d="M3 3l14 14M8.2 5A7.7 7.7 0 0 1 10 4.5C14.5 4.5 17.5 10 17.5 10a13 13 0 0 1-2.1 2.8M12 15.1a6.4 6.4 0 0 1-2 .4C5.5 15.5 2.5 10 2.5 10a13 13 0 0 1 2.9-3.6" />
  ),
  trash: <path d="M4.5 6h11M8 6V4h4v2m-6 0 .6 10h6.8L14 6" />,
} satisfies Record<string, ReactNode>;

export type IconName = keyof typeof PATHS;

/** 20×20 stroked icons; decorative unless given a label. */
export function Icon({ name, className = 'h-5 w-5', label }: { name: IconName; className?: string; label?: string }) {
  return (
    <svg
      viewBox="0 0 20 20"
      className={className}
      fill="none"
      stroke="currentColor"
      strokeWidth={1.75}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden={label ? undefined : true}
      role={label ? 'img' : undefined}
      aria-label={label}
    >
      {PATHS[name]}
    </svg>
  );
}
