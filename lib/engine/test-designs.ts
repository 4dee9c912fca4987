/**
 * Designs that more than one test (or guide check) evaluates, kept in one
 * place so the tests cannot drift apart on what "the same app" means.
 */
import type { Design } from './types';

/**
 * A one-million-user app whose writes also publish events to a log read by
 * a stream processor, with `analyticsQueriesPerHour` reports a hour: on the
 * primary database, or (with `warehouse`) on a warehouse the processor feeds
 * (docs/model.md §14.4).
 */
export function analyticsPipelineDesign(analyticsQueriesPerHour: number, warehouse: boolean): Design {
  return {
    schemaVersion: 1,
    workload: { users: 1_000_000, analyticsQueriesPerHour },
    nodes: [
      { id: 'users', kind: 'users' },
      { id: 'lb', kind: 'load-balancer' },
      { id: 'app', kind: 'app-server', params: { instances: 3, stateless: true } },
      { id: 'db', kind: 'database' },
      { id: 'log', kind: 'queue' },
      { id: 'stream', kind: 'stream-processor' },
      ...(warehouse ? [{ id: 'wh', kind: 'warehouse' as const }] : []),
    ],
    edges: [
      { id: 'e1', source: 'users', target: 'lb' },
      { id: 'e2', source: 'lb', target: 'app' },
      { id: 'e3', source: 'app', target: 'db' },
      { id: 'e4', source: 'app', target: 'log' },
      { id: 'e5', source: 'log', target: 'stream' },
      ...(warehouse ? [{ id: 'e6', source: 'stream', target: 'wh' }] : []),
    ],
  };
}
