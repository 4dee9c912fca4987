import { describe, expect, it } from 'vitest';
import { firstLoadScripts } from './first-load';

describe('firstLoadScripts', () => {
  it('counts every script and script preload once, and not the noModule polyfills', () => {
    const html = [
      '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/a.js"/>',
      '<script src="/_next/static/chunks/a.js" async=""></script>',
      '<script src="/_next/static/chunks/b.js?v=1&amp;x=2" async="" nonce="n"></script>',
      '<script src="/_next/static/chunks/polyfills.js" noModule="" nonce="n"></script>',
      '<link rel="stylesheet" href="/_next/static/chunks/c.css"/>',
      '<script>self.__next_f.push([1,""])</script>',
    ].join('');
    expect(firstLoadScripts(html)).toEqual(['/_next/static/chunks/a.js', '/_next/static/chunks/b.js?v=1&x=2']);
  });
});
