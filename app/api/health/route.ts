import { NextResponse } from 'next/server';
import { db } from '@/lib/server/db';
import { env } from '@/lib/server/env';
import { otherMethods, route } from '@/lib/server/http';

export const dynamic = 'force-dynamic';

/**
 * Liveness and database reachability, for load balancers and the tests.
 * The endpoint is public, so a failure answers a plain message; the driver's
 * own error (file paths, host names, driver versions) goes to the server log.
 */
export const GET = route(async () => {
  try {
    await db().$queryRawUnsafe('SELECT 1');
    return NextResponse.json({ ok: true, database: env().databaseKind });
  } catch (e) {
    console.error('GET /api/health: the database is not reachable:', e);
    return NextResponse.json(
      { ok: false, database: env().databaseKind, error: 'the database is not reachable' },
      { status: 503, headers: { 'cache-control': 'no-store' } },
    );
  }
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
