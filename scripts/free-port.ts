/**
 * Free TCP ports on loopback, for servers the tests start: never a fixed
 * port, which fails when something else holds it.
 */
import { spawnSync } from 'node:child_process';
import net from 'node:net';

/** A port no one listens on at the moment (the system's choice). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** `freePort()` for synchronous callers (configuration files). */
export function freePortSync(): number {
  const r = spawnSync(
    process.execPath,
    ['-e', "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})"],
    { encoding: 'utf8' },
  );
  const port = Number(r.stdout);
  if (r.status !== 0 || !Number.isInteger(port) || port <= 0) throw new Error(`could not find a free port: ${r.stderr || r.error?.message}`);
  return port;
}
