import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { e2ePort } from './test-e2e';

const listen = (port: number) =>
  new Promise<net.Server>((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(port, '127.0.0.1', () => resolve(srv));
  });

describe('the browser tests’ port', () => {
  it('is a free one when E2E_PORT is not set', async () => {
    const port = await e2ePort({});
    const srv = await listen(port); // nothing else holds it
    srv.close();
  });

  it('is E2E_PORT when set, and a bad one is refused by name', async () => {
    expect(await e2ePort({ E2E_PORT: '3251' })).toBe(3251);
    await expect(e2ePort({ E2E_PORT: 'http' })).rejects.toThrow(/E2E_PORT/);
  });
});
