import type { NextRequest } from 'next/server';
import { errorResponse } from './lib/http';

/**
 * A path with broken percent-encoding (`/api/designs/%E0%A4%A`, a lone `%`)
 * cannot be decoded into route parameters: Next.js would answer a bare
 * "500 Internal Server Error" before any route handler runs. The API answers
 * 400 instead, saying what is wrong with the URL.
 */
export function proxy(request: NextRequest) {
  if (decodable(request.nextUrl.pathname)) return undefined;
  return errorResponse(400, 'The URL is not validly percent-encoded: every "%" must start an escape such as %20 of UTF-8 bytes.');
}

function decodable(pathname: string): boolean {
  try {
    for (const segment of pathname.split('/')) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

export const config = { matcher: '/api/:path*' };
