import path from 'node:path';
import { z } from 'zod';

/**
 * Environment variables, validated once at start-up. A bad value stops the
 * server with a message that names the variable and says what is expected.
 */
const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .min(1)
    .optional()
    .refine((v) => v === undefined || /^(file:|postgres(ql)?:\/\/)/.test(v), {
      message:
        'DATABASE_URL must be a SQLite file URL (file:./data/scalelab.db) or a PostgreSQL URL (postgres://user:password@host:5432/db)',
    })
    .refine((v) => v === undefined || !/^postgres/.test(v) || URL.canParse(v), {
      message: 'DATABASE_URL looks like a PostgreSQL URL but cannot be parsed; check for unescaped characters in the password',
    }),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  TRUSTED_PROXY_HOPS: z
    .string()
    .trim()
    .optional()
    .refine((v) => v === undefined || v === '' || /^(0|[1-9])$/.test(v), {
      message:
        'TRUSTED_PROXY_HOPS must be how many proxies that append to X-Forwarded-For stand in front of the app, a whole number from 0 to 9 (default 0: none, the connection\'s own address is the client\'s)',
    }),
  WEB_CONCURRENCY: z
    .string()
    .trim()
    .optional()
    .refine((v) => v === undefined || v === '' || /^([1-9]|[12]\d|3[0-2])$/.test(v), {
      message: 'WEB_CONCURRENCY must be how many server processes share the port, a whole number from 1 to 32 (default 1; about one per CPU core)',
    }),
});

export type DatabaseKind = 'sqlite' | 'postgres';

export interface Env {
  databaseUrl: string;
  databaseKind: DatabaseKind;
  nodeEnv: 'development' | 'production' | 'test';
  /**
   * Proxies in front of the app that append to X-Forwarded-For (a load
   * balancer: 1). 0, the default, ignores the header: the connection's peer
   * is the client. With N, the client is the address N places left of the
   * peer in [X-Forwarded-For…, peer], what the outermost trusted proxy saw.
   */
  trustedProxyHops: number;
  /** Server processes (node:cluster workers) sharing the port; 1 runs none. */
  webConcurrency: number;
}

export function defaultSqliteUrl(cwd = process.cwd()): string {
  return `file:${path.join(cwd, 'data', 'scalelab.db')}`;
}

/** Parses an environment; throws an Error whose message names every problem. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.') || 'environment'}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  const databaseUrl = result.data.DATABASE_URL ?? defaultSqliteUrl();
  return {
    databaseUrl,
    databaseKind: databaseUrl.startsWith('file:') ? 'sqlite' : 'postgres',
    nodeEnv: result.data.NODE_ENV,
    trustedProxyHops: result.data.TRUSTED_PROXY_HOPS ? Number(result.data.TRUSTED_PROXY_HOPS) : 0,
    webConcurrency: result.data.WEB_CONCURRENCY ? Number(result.data.WEB_CONCURRENCY) : 1,
  };
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
