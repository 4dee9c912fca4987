/**
 * Two app instances behind a load balancer, on one PostgreSQL database:
 * the set-up the README describes for running ScaleLab at scale, on one
 * machine. Both `next start` instances share DATABASE_URL; a small
 * round-robin proxy on loopback sends each request to the next instance,
 * appends the client to X-Forwarded-For and names the instance that answered
 * in an `X-ScaleLab-Instance` header.
 *
 *   DATABASE_URL=postgres://scalelab:scalelab@127.0.0.1:5432/scalelab_ci npx tsx scripts/multi-instance.ts [--port 3300]
 *
 * tests/api/scenarios-multi-instance.test.ts drives it to check that both
 * instances serve the same scenario consistently.
 */
import http from 'node:http';
import { prepareDatabase } from './db-setup';
import { distDirFor, ensureBuild, freePort, holdDistDir, startApp, type AppProcess } from './app-process';

export interface MultiInstance {
  /** The load balancer's address. */
  url: string;
  instances: AppProcess[];
  /** Requests each instance has been sent through the load balancer. */
  served: number[];
  stop(): Promise<void>;
}

/** A round-robin HTTP proxy over `targets`; a target that refuses the connection is skipped. */
function loadBalancer(targets: AppProcess[], served: number[]): http.Server {
  let next = 0;
  return http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const attempt = (tries: number) => {
        const i = next++ % targets.length;
        const target = new URL(targets[i].url);
        const forwarded = [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ');
        const upstream = http.request(
          {
            host: target.hostname,
            port: target.port,
            method: req.method,
            path: req.url,
            headers: { ...req.headers, host: `${target.hostname}:${target.port}`, 'x-forwarded-for': forwarded, 'content-length': String(body.length) },
          },
          (up) => {
            served[i]++;
            res.writeHead(up.statusCode ?? 502, { ...up.headers, 'x-scalelab-instance': String(i + 1) });
            up.pipe(res);
          },
        );
        upstream.on('error', () => {
          if (tries + 1 < targets.length && !res.headersSent) attempt(tries + 1);
          else if (!res.headersSent) {
            res.writeHead(502, { 'content-type': 'application/json' });
            res.end(JSON.stringify({ error: 'No app instance answered.' }));
          }
        });
        upstream.end(body);
      };
      attempt(0);
    });
  });
}

/** Migrates the database, starts two instances on it and the load balancer in front. */
export async function startMultiInstance(options: {
  databaseUrl: string;
  port?: number;
  instances?: number;
  /** A dist directory the caller has built and holds (the load test's); by default this script's own. */
  distDir?: string;
  env?: Record<string, string>;
}): Promise<MultiInstance> {
  if (!/^postgres(ql)?:\/\//.test(options.databaseUrl)) {
    throw new Error('Several instances need one shared PostgreSQL database: set DATABASE_URL=postgres://…');
  }
  const distDir = options.distDir ?? distDirFor('multi');
  const release = options.distDir ? () => {} : await holdDistDir(distDir);
  let instances: AppProcess[] = [];
  try {
    if (!options.distDir) await ensureBuild(distDir);
    await prepareDatabase({ DATABASE_URL: options.databaseUrl });
    const count = options.instances ?? 2;
    const started = await Promise.allSettled(
      Array.from({ length: count }, () => startApp({ databaseUrl: options.databaseUrl, distDir, env: options.env })),
    );
    instances = started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const failed = started.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
  } catch (e) {
    await Promise.all(instances.map((i) => i.kill('SIGKILL')));
    release();
    throw e;
  }
  const served = instances.map(() => 0);
  const server = loadBalancer(instances, served);
  const port = options.port ?? (await freePort());
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    instances,
    served,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all(instances.map((i) => i.kill('SIGTERM')));
      release();
    },
  };
}

async function main() {
  const databaseUrl = process.env.DATABASE_URL ?? '';
  const i = process.argv.indexOf('--port');
  const port = i >= 0 ? Number(process.argv[i + 1]) : 3300;
  const multi = await startMultiInstance({ databaseUrl, port });
  console.log(`[scalelab] load balancer on ${multi.url}`);
  multi.instances.forEach((inst, n) => console.log(`[scalelab] instance ${n + 1} on ${inst.url}`));
  console.log('[scalelab] Ctrl+C stops all three.');
  const stop = () => {
    void multi.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(`[scalelab] ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
