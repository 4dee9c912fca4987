import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { proxy } from '@/proxy';

describe('the API proxy', () => {
  it('answers 400 naming the problem for a path whose percent-encoding cannot be decoded', async () => {
    for (const path of ['/api/designs/%E0%A4%A', '/api/designs/%', '/api/scenarios/%ZZ/students', '/api/scenarios/x/manage/submissions/%C3']) {
      const res = proxy(new NextRequest(`http://test.local${path}`));
      expect(res?.status, path).toBe(400);
      expect(res?.headers.get('content-type')).toMatch(/application\/json/);
      expect(((await res!.json()) as { error: string }).error).toMatch(/^The URL is not validly percent-encoded/);
    }
  });

  it('lets every decodable path through to its route', () => {
    for (const path of [
      '/api/health',
      '/api/designs/abc%20defghijkl',
      '/api/scenarios/sample-daily-byte/leaderboard',
      '/api/designs/%E2%9C%93%25',
      '/',
      '/d/abcdefghijkl',
      '/s/sample-scale-out/manage',
      '/learn/%E2%9C%93',
    ]) {
      expect(proxy(new NextRequest(`http://test.local${path}`)), path).toBeUndefined();
    }
  });

  it('shows the not-found page for a page address that cannot be decoded, never the API’s JSON 400', () => {
    for (const path of ['/d/%E0', '/s/%E0%A4%A/manage', '/learn/%', '/%C3']) {
      const res = proxy(new NextRequest(`http://test.local${path}?x=1`))!;
      expect(res.status, path).not.toBe(400);
      const target = new URL(res.headers.get('x-middleware-rewrite')!);
      // A private ("_") path of the app directory: no page is ever there.
      expect(target.pathname, path).toMatch(/^\/_[a-z-]+$/);
    }
  });
});
