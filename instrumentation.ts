/**
 * Runs once when a server process starts. In production it starts the
 * grading pool's workers at once: each loads the engine (about 1.2 s), and
 * without this the first student to submit after a start or deploy waits
 * for that.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NODE_ENV !== 'production') return;
  const { gradingPool } = await import('./lib/classroom/scenarios/grading-pool');
  gradingPool();
}
