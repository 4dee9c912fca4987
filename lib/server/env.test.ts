import { describe, expect, it } from 'vitest';
import { parseEnv } from './env';

describe('environment', () => {
  it('defaults to the embedded SQLite database, no trusted proxy and one server process', () => {
    const e = parseEnv({});
    expect(e.databaseKind).toBe('sqlite');
    expect(e.databaseUrl).toMatch(/^file:.*data\/scalelab\.db$/);
    expect(e.trustedProxyHops).toBe(0);
    expect(e.webConcurrency).toBe(1);
  });

  it('reads PostgreSQL, the number of proxies in front and the number of server processes', () => {
    const e = parseEnv({ DATABASE_URL: 'postgres://u:p@db:5432/scalelab', TRUSTED_PROXY_HOPS: '2', WEB_CONCURRENCY: '2' });
    expect(e.databaseKind).toBe('postgres');
    expect(e.trustedProxyHops).toBe(2);
    expect(e.webConcurrency).toBe(2);
  });

  it('stops with a message naming each bad variable', () => {
    expect(() => parseEnv({ DATABASE_URL: 'mysql://x', TRUSTED_PROXY_HOPS: 'two' })).toThrow(
      /DATABASE_URL: DATABASE_URL must be a SQLite file URL[\s\S]*TRUSTED_PROXY_HOPS: TRUSTED_PROXY_HOPS must be how many proxies[^\n]*default 0/,
    );
    for (const bad of ['0', '33', '-1', 'all', '1.5']) {
      expect(() => parseEnv({ WEB_CONCURRENCY: bad }), bad).toThrow(/WEB_CONCURRENCY: WEB_CONCURRENCY must be how many server processes/);
    }
  });
});
