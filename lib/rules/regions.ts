/**
 * Regions, in one place: which kinds belong to no region (users, DNS, CDN,
 * monitoring, logging: MODEL-NOTES), the region of a node that names none,
 * and the region a node runs in. The engine's compile step, its what-if
 * scenarios, the interview's curveballs, the inspector's hop latency and the
 * results panel's what-if menu all read these. Data only: no runtime imports.
 */

/** The region of a node that names none (MODEL.md §4; the engine's `NETWORK.defaultRegion`, a test keeps them equal). */
export const DEFAULT_REGION = 'region-1';

/** Kinds that belong to no region: a region outage leaves them up, and a hop to them crosses no region. */
export const GLOBAL_KINDS: ReadonlySet<string> = new Set(['users', 'dns', 'cdn', 'monitoring', 'logging']);

/** The region a node of this kind runs in, or null for a global kind. */
export function regionOfKind(kind: string, region: string | undefined): string | null {
  return GLOBAL_KINDS.has(kind) ? null : (region ?? DEFAULT_REGION);
}

/** The region a node runs in, or null for a global kind. */
export function regionOf<N extends { kind: string; params?: { region?: string } }>(node: N): string | null {
  return regionOfKind(node.kind, node.params?.region);
}
