/**
 * How large a design may be to be graded: checked before a design is
 * validated or graded, in the request handlers and in the grading workers.
 */

/** Most nodes (Users included) a design may have to be graded. */
export const MAX_GRADED_COMPONENTS = 500;
/** Most connections a design may have to be graded. */
export const MAX_GRADED_CONNECTIONS = 2_000;

/** What exceeds the grading cap in a raw (unvalidated) design, or null. */
export function overGradingCap(design: unknown): { components: number; connections: number } | null {
  if (!design || typeof design !== 'object') return null;
  const { nodes, edges } = design as { nodes?: unknown; edges?: unknown };
  const components = Array.isArray(nodes) ? nodes.length : 0;
  const connections = Array.isArray(edges) ? edges.length : 0;
  return components > MAX_GRADED_COMPONENTS || connections > MAX_GRADED_CONNECTIONS ? { components, connections } : null;
}

export function gradingCapMessage(found: { components: number; connections: number }): string {
  const n = (x: number) => x.toLocaleString('en-US');
  return (
    `The design has ${n(found.components)} components and ${n(found.connections)} connections; ` +
    `a design is graded with at most ${n(MAX_GRADED_COMPONENTS)} components and ${n(MAX_GRADED_CONNECTIONS)} connections.`
  );
}
