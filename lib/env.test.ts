import { describe, expect, it } from 'vitest';
import { parseEnv } from './env';

describe('environment', () => {
  it('defaults to the embedded SQLite database and one trusted proxy', () => {
    const e = parseEnv({});
    expect(e.databaseKind).toBe('sqlite');
    expect(e.databaseUrl).toMatch(/^file:.*data\/scalelab\.db$/);
    expect(e.trustedProxyHops).toBe(1);
  });

  it('reads PostgreSQL and the number of proxies in front', () => {
    const e = parseEnv({ DATABASE_URL: 'postgres://u:p@db:5432/scalelab', TRUSTED_PROXY_HOPS: '0' });
    expect(e.databaseKind).toBe('postgres');
    expect(e.trustedProxyHops).toBe(0);
  });

  it('stops with a message naming each bad variable', () => {
    expect(() => parseEnv({ DATABASE_URL: 'mysql://x', TRUSTED_PROXY_HOPS: 'two' })).toThrow(
      /DATABASE_URL: DATABASE_URL must be a SQLite file URL[\s\S]*TRUSTED_PROXY_HOPS: TRUSTED_PROXY_HOPS must be how many proxies/,
    );
  });
});
