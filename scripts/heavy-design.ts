/**
 * A large, valid design for load tests of grading (issue #18's case: about
 * 3,400 components in about 410 KB): Users → load balancers → many app
 * servers → caches → databases, every component a separate node, wired so
 * the engine has to route traffic through all of them.
 */
export function heavyDesign(components: number): { schemaVersion: 1; name: string; nodes: unknown[]; edges: unknown[] } {
  const nodes: { id: string; kind: string; label?: string; params?: Record<string, unknown>; position: { x: number; y: number } }[] = [
    { id: 'users', kind: 'users', position: { x: 0, y: 0 } },
  ];
  const edges: { id: string; source: string; target: string }[] = [];
  const lbs = Math.max(1, Math.round(components / 40));
  const dbs = Math.max(1, Math.round(components / 20));
  const apps = Math.max(1, components - 1 - lbs - dbs); // Users is a component too
  let e = 0;
  const edge = (source: string, target: string) => edges.push({ id: `e${++e}`, source, target });
  for (let i = 0; i < lbs; i++) {
    nodes.push({ id: `l${i}`, kind: 'load-balancer', position: { x: 0, y: i } });
    edge('users', `l${i}`);
  }
  for (let i = 0; i < dbs; i++) nodes.push({ id: `d${i}`, kind: 'database', params: { size: 'large' }, position: { x: 0, y: i } });
  for (let i = 0; i < apps; i++) {
    nodes.push({ id: `a${i}`, kind: 'app-server', position: { x: 0, y: i } });
    edge(`l${i % lbs}`, `a${i}`);
    edge(`a${i}`, `d${i % dbs}`);
  }
  return { schemaVersion: 1, name: `Heavy design (${components} components)`, nodes, edges };
}
