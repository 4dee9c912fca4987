import type { ReactNode } from 'react';

/** Toolbar glyphs: 20×20, stroked in currentColor, decorative (buttons carry text). */
const GLYPHS = {
  undo: <path d="M7.5 5.5 4 9l3.5 3.5M4.5 9H12a4 4 0 0 1 0 8H9" />,
  redo: <path d="M12.5 5.5 16 9l-3.5 3.5M15.5 9H8a4 4 0 0 0 0 8h3" />,
  layout: (
    <>
      <rect x="2.5" y="3" width="5" height="4" rx="1" />
      <rect x="12.5" y="3" width="5" height="4" rx="1" />
      <rect x="12.5" y="13" width="5" height="4" rx="1" />
      <path d="M7.5 5h5M10 5v10h2.5" />
    </>
  ),
  import: <path d="M10 3v9m0 0-3.5-3.5M10 12l3.5-3.5M3.5 13v2.5a1.5 1.5 0 0 0 1.5 1.5h10a1.5 1.5 0 0 0 1.5-1.5V13" />,
  export: <path d="M10 12.5V3.5m0 0L6.5 7M10 3.5 13.5 7M3.5 13v2.5A1.5 1.5 0 0 0 5 17h10a1.5 1.5 0 0 0 1.5-1.5V13" />,
  share: (
    <>
      <circle cx="14.5" cy="5" r="2.25" />
      <circle cx="5.5" cy="10" r="2.25" />
      <circle cx="14.5" cy="15" r="2.25" />
      <path d="m7.5 9 5-2.8M7.5 11l5 2.8" />
    </>
  ),
  start: (
    <>
      <rect x="3" y="3" width="14" height="14" rx="2" />
      <path d="M7 7h6M7 10h6M7 13h3" />
    </>
  ),
  help: (
    <>
      <circle cx="10" cy="10" r="7.5" />
      <path d="M7.75 7.75a2.25 2.25 0 1 1 3.3 2c-.65.35-1.05.9-1.05 1.6v.4M10 14.5h.01" />
    </>
  ),
  palette: (
    <>
      <rect x="3" y="3" width="5.5" height="5.5" rx="1" />
      <rect x="11.5" y="3" width="5.5" height="5.5" rx="1" />
      <rect x="3" y="11.5" width="5.5" height="5.5" rx="1" />
      <path d="M14.25 11.5v5.5M11.5 14.25H17" />
    </>
  ),
  inspector: (
    <>
      <path d="M4 5h12M4 10h12M4 15h12" />
      <circle cx="7" cy="5" r="1.5" fill="white" />
      <circle cx="13" cy="10" r="1.5" fill="white" />
      <circle cx="9" cy="15" r="1.5" fill="white" />
    </>
  ),
  chevron: <path d="m6 8 4 4 4-4" />,
  /** Focus mode: four corners pointing out, the canvas taking the screen. */
  focus: <path d="M3.5 7.5v-4h4M12.5 3.5h4v4M16.5 12.5v4h-4M7.5 16.5h-4v-4" />,
  more: (
    <>
      <circle cx="4.5" cy="10" r="1.25" fill="currentColor" stroke="none" />
      <circle cx="10" cy="10" r="1.25" fill="currentColor" stroke="none" />
      <circle cx="15.5" cy="10" r="1.25" fill="currentColor" stroke="none" />
    </>
  ),
  copy: (
    <>
      <rect x="7" y="7" width="10" height="10" rx="1.5" />
      <path d="M13 4.5V4a1 1 0 0 0-1-1H4a1 1 0 0 0-1 1v8a1 1 0 0 0 1 1h.5" />
    </>
  ),
} satisfies Record<string, ReactNode>;

export type GlyphName = keyof typeof GLYPHS;

export function Glyph({ name, className = 'h-5 w-5 shrink-0' }: { name: GlyphName; className?: string }) {
  return (
    <svg viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth={1.6} strokeLinecap="round" strokeLinejoin="round" className={className} aria-hidden="true" focusable="false">
      {GLYPHS[name]}
    </svg>
  );
}
