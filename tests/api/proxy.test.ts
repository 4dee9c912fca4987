import { NextRequest } from 'next/server';
import { unstable_doesMiddlewareMatch } from 'next/experimental/testing/server';
import { describe, expect, it } from 'vitest';
import { config, proxy } from '@/proxy';

const run = (path: string) => proxy(new NextRequest(`http://test.local${path}`));

describe('the page proxy', () => {
  it('never runs on the API, so Next.js never buffers an API body for it', () => {
    for (const url of ['/api', '/api/scenarios', '/api/designs/%E0%A4%A', '/api/scenarios/x/submissions', '/_next/static/chunks/a.js', '/_next/image?url=x']) {
      expect(unstable_doesMiddlewareMatch({ config, url }), url).toBe(false);
    }
    for (const url of ['/', '/teach', '/s/sample-scale-out', '/s/x/manage', '/learn/stage-1-single-server', '/d/abcdefghijkl', '/apiary', '/%C3']) {
      expect(unstable_doesMiddlewareMatch({ config, url }), url).toBe(true);
    }
  });

  it('gives each page a Content-Security-Policy with a fresh nonce, and hands Next.js the same policy', () => {
    const a = run('/teach');
    const b = run('/teach');
    const policy = a.headers.get('content-security-policy')!;
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(b.headers.get('content-security-policy')).not.toContain(nonce);
    expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("img-src 'self' data: blob:");
    // Next.js reads the nonce from the request's policy header to put it on its scripts.
    expect(a.headers.get('x-middleware-request-content-security-policy')).toBe(policy);
  });

  it('lets every decodable page through', () => {
    for (const path of ['/', '/d/abcdefghijkl', '/s/sample-scale-out/manage', '/learn/%E2%9C%93']) {
      const res = run(path);
      expect(res.headers.get('x-middleware-next'), path).toBe('1');
      expect(res.headers.get('x-middleware-rewrite'), path).toBeNull();
    }
  });

  it('shows the not-found page for a page address that cannot be decoded', () => {
    for (const path of ['/d/%E0', '/s/%E0%A4%A/manage', '/learn/%', '/%C3']) {
      const res = proxy(new NextRequest(`http://test.local${path}?x=1`));
      expect(res.status, path).not.toBe(400);
      const target = new URL(res.headers.get('x-middleware-rewrite')!);
      // A private ("_") path of the app directory: no page is ever there.
      expect(target.pathname, path).toMatch(/^\/_[a-z-]+$/);
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    }
  });
});
