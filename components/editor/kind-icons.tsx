import type { ReactNode } from 'react';
import type { Kind } from '@/lib/engine/data';

/*
 * One inline SVG per component kind: 24×24, 1.75 px strokes in currentColor,
 * so a tile's text colour tints it. Decorative: the kind's name is always
 * written beside the icon.
 */
const PATHS: Record<Kind, ReactNode> = {
  users: (
    <>
      <circle cx="9" cy="8" r="3.25" />
      <path d="M3 19.5c0-3.3 2.7-5.5 6-5.5s6 2.2 6 5.5" />
      <circle cx="17" cy="9" r="2.5" />
      <path d="M16.5 14.2c2.6.2 4.5 2.1 4.5 4.8" />
    </>
  ),
  dns: (
    <>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M3.5 12h17M12 3.5c2.4 2.3 3.6 5.2 3.6 8.5s-1.2 6.2-3.6 8.5M12 3.5C9.6 5.8 8.4 8.7 8.4 12s1.2 6.2 3.6 8.5" />
    </>
  ),
  cdn: (
    <>
      <path d="M7 18.5h10.5a4 4 0 0 0 .6-7.95A6 6 0 0 0 6.6 9.1 4.75 4.75 0 0 0 7 18.5Z" />
      <path d="M12.5 10.5 10.5 14h3l-2 3.5" />
    </>
  ),
  'load-balancer': (
    <>
      <circle cx="5" cy="12" r="2" />
      <path d="M7 12h3.5M10.5 12 19 5.5M10.5 12H19M10.5 12l8.5 6.5" />
      <path d="m16.5 4.5 2.5 1-1 2.5M17.5 10.5 19.5 12l-2 1.5M16.5 19.5l2.5-1-1-2.5" />
    </>
  ),
  'api-gateway': (
    <>
      <path d="M4 20V9.5L12 4l8 5.5V20" />
      <path d="M8.5 20v-6a3.5 3.5 0 0 1 7 0v6M3 20h18" />
    </>
  ),
  'rate-limiter': (
    <>
      <path d="M4.2 16.5a8.5 8.5 0 1 1 15.6 0" />
      <path d="m12 13 4-4.5" />
      <circle cx="12" cy="13.5" r="1.4" />
      <path d="M8 19.5h8" />
    </>
  ),
  server: (
    <>
      <rect x="4" y="4" width="16" height="6.5" rx="1.5" />
      <rect x="4" y="13.5" width="16" height="6.5" rx="1.5" />
      <path d="M7.5 7.25h.01M7.5 16.75h.01M11 7.25h5.5M11 16.75h5.5" />
    </>
  ),
  'app-server': (
    <>
      <rect x="3.5" y="4.5" width="17" height="15" rx="2" />
      <path d="M3.5 8.5h17M9.5 12 7 14.25l2.5 2.25M14.5 12l2.5 2.25-2.5 2.25" />
    </>
  ),
  service: (
    <>
      <path d="m12 3.5 7.5 4.25v8.5L12 20.5l-7.5-4.25v-8.5Z" />
      <path d="m4.5 7.75 7.5 4.25 7.5-4.25M12 12v8.5" />
    </>
  ),
  cache: <path d="M13.5 3 5.5 13.5h6l-1 7.5 8-10.5h-6Z" />,
  database: (
    <>
      <ellipse cx="12" cy="6" rx="7" ry="2.75" />
      <path d="M5 6v12c0 1.5 3.1 2.75 7 2.75s7-1.25 7-2.75V6M5 12c0 1.5 3.1 2.75 7 2.75s7-1.25 7-2.75" />
    </>
  ),
  'read-replica': (
    <>
      <ellipse cx="9.5" cy="6.5" rx="5.5" ry="2.25" />
      <path d="M4 6.5v9.5c0 1.25 2.5 2.25 5.5 2.25" />
      <ellipse cx="15" cy="11" rx="5" ry="2" />
      <path d="M10 11v7.25c0 1.1 2.2 2 5 2s5-.9 5-2V11" />
    </>
  ),
  nosql: (
    <>
      <rect x="3.5" y="4" width="7" height="7" rx="1.5" />
      <rect x="13.5" y="4" width="7" height="7" rx="1.5" />
      <rect x="3.5" y="13" width="7" height="7" rx="1.5" />
      <rect x="13.5" y="13" width="7" height="7" rx="1.5" />
    </>
  ),
  'object-storage': (
    <>
      <ellipse cx="12" cy="6" rx="8" ry="2.5" />
      <path d="M4 6l1.75 12.5C6 19.75 8.7 20.75 12 20.75s6-1 6.25-2.25L20 6" />
    </>
  ),
  queue: (
    <>
      <rect x="3" y="8" width="4" height="8" rx="1" />
      <rect x="8.5" y="8" width="4" height="8" rx="1" />
      <rect x="14" y="8" width="4" height="8" rx="1" />
      <path d="M19.5 12H22m-1.25-1.5L22.25 12l-1.5 1.5" />
    </>
  ),
  worker: (
    <>
      <circle cx="12" cy="12" r="3" />
      <path d="M12 3.5v2.2M12 18.3v2.2M3.5 12h2.2M18.3 12h2.2M6 6l1.55 1.55M16.45 16.45 18 18M6 18l1.55-1.55M16.45 7.55 18 6" />
    </>
  ),
  search: (
    <>
      <circle cx="10.5" cy="10.5" r="6" />
      <path d="m15 15 5.5 5.5" />
    </>
  ),
  monitoring: (
    <>
      <rect x="3" y="4.5" width="18" height="12.5" rx="2" />
      <path d="M6 11h3l1.5-3 2.5 6 1.5-3h3.5M9 20.5h6" />
    </>
  ),
  logging: (
    <>
      <path d="M6.5 3.5h8l4 4v13h-12Z" />
      <path d="M14.5 3.5v4h4M9 11.5h6.5M9 14.5h6.5M9 17.5h4" />
    </>
  ),  // Cloud-native kinds: a lambda (a function run per request); containers packed on a node.
  serverless: (
    <>
      <path d="M6.5 4.5h2.75L17 19.5h2.5" />
      <path d="M12.4 11 7 19.5" />
    </>
  ),
  'container-cluster': (
    <>
      <rect x="3.5" y="3.5" width="17" height="17" rx="2.5" />
      <rect x="6.75" y="6.75" width="4.5" height="4.5" rx="0.75" />
      <rect x="12.75" y="6.75" width="4.5" height="4.5" rx="0.75" />
      <rect x="6.75" y="12.75" width="4.5" height="4.5" rx="0.75" />
      <path d="M15 12.75v4.5M12.75 15h4.5" />
    </>
  ),
  // Stream processing and analytics (docs/model.md §14.4).
  'stream-processor': (
    <>
      <path d="M3 7.5h5M3 12h5M3 16.5h5" />
      <rect x="9.5" y="5.5" width="7" height="13" rx="1.5" />
      <path d="m11.5 14 1.5-3 1.5 2 1-2M16.5 12H21M19 10l2 2-2 2" />
    </>
  ),
  warehouse: (
    <>
      <ellipse cx="12" cy="5.5" rx="7.5" ry="2.5" />
      <path d="M4.5 5.5v13c0 1.4 3.4 2.5 7.5 2.5s7.5-1.1 7.5-2.5v-13" />
      <path d="M8.5 17v-3M12 17v-5.5M15.5 17v-4" />
    </>
  ),
};

export function KindIcon({ kind, className }: { kind: Kind; className?: string }) {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.75}
      strokeLinecap="round"
      strokeLinejoin="round"
      className={className}
      aria-hidden="true"
      focusable="false"
    >
      {PATHS[kind]}
    </svg>
  );
}
