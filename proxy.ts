import { NextResponse, type NextRequest } from 'next/server';
import { newNonce, pageCsp } from './lib/server/security-headers';

/**
 * Pages only (see `config` below): the API never passes through here, so
 * Next.js never buffers an API request's body for the proxy; the app server
 * (scripts/serve.ts) limits bodies and answers broken API URLs itself.
 *
 * Each page gets a Content-Security-Policy with a fresh nonce. Next.js reads
 * the nonce from the request's policy header and puts it on every script it
 * renders; the browser runs no other inline script.
 *
 * A path with broken percent-encoding (`/d/%E0`, a lone `%`) cannot be
 * decoded into route parameters: Next.js would answer a bare "500 Internal
 * Server Error". A page address shows the app's not-found page (404)
 * instead, since no page is there.
 */
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const csp = pageCsp(nonce, process.env.NODE_ENV === 'development');
  const headers = new Headers(request.headers);
  headers.set('content-security-policy', csp);
  const { pathname } = request.nextUrl;
  // Folders starting with "_" are private in the app directory, so no page
  // can ever be served at this path: Next renders app/not-found.tsx, with
  // status 404, while the address bar keeps the address that was asked for.
  const response = decodable(pathname)
    ? NextResponse.next({ request: { headers } })
    : NextResponse.rewrite(new URL(NO_PAGE, request.url), { request: { headers } });
  response.headers.set('content-security-policy', csp);
  return response;
}

const NO_PAGE = '/_no-page-at-this-address';

function decodable(pathname: string): boolean {
  try {
    for (const segment of pathname.split('/')) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

// Every page, but not the API (whose bodies the proxy would buffer, up to
// 10 MB each) nor Next's own build files and images, which are never
// addressed by hand and carry no markup.
export const config = { matcher: '/((?!api(?:/|$)|_next/static|_next/image).*)' };
