import { NextResponse, type NextRequest } from 'next/server';
import { errorResponse } from './lib/http';

/**
 * A path with broken percent-encoding (`/api/designs/%E0%A4%A`, `/d/%E0`, a
 * lone `%`) cannot be decoded into route parameters: Next.js would answer a
 * bare "500 Internal Server Error" before any route handler or page runs.
 * The API answers 400 instead, saying what is wrong with the URL; a page
 * address shows the app's not-found page (404), since no page is there.
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (decodable(pathname)) return undefined;
  if (pathname === '/api' || pathname.startsWith('/api/')) {
    return errorResponse(400, 'The URL is not validly percent-encoded: every "%" must start an escape such as %20 of UTF-8 bytes.');
  }
  // Folders starting with "_" are private in the app directory, so no page
  // can ever be served at this path: Next renders app/not-found.tsx, with
  // status 404, while the address bar keeps the address that was asked for.
  return NextResponse.rewrite(new URL(NO_PAGE, request.url));
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

// Every request but Next's own build files and images, which are never
// addressed by hand.
export const config = { matcher: '/((?!_next/static|_next/image).*)' };
