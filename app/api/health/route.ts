import { NextResponse } from 'next/server';
import { db } from '@/lib/db';
import { env } from '@/lib/env';

export const dynamic = 'force-dynamic';

/** Liveness and database reachability, for load balancers and the tests. */
export async function GET() {
  try {
    await db().$queryRawUnsafe('SELECT 1');
    return NextResponse.json({ ok: true, database: env().databaseKind });
  } catch (e) {
    return NextResponse.json(
      { ok: false, database: env().databaseKind, error: e instanceof Error ? e.message : String(e) },
      { status: 503 },
    );
  }
}
