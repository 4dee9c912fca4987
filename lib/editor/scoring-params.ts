/**
 * Parameters shared by the scorer, the worker and the tests that check the
 * panel against the engine. No imports: the main bundle reads these without
 * pulling in the engine.
 */

/** The growth chart's sweep: 60 log-spaced points from 1K to 1B users (the e2e test runs the same). */
export const SWEEP_FROM_USERS = 1_000;
export const SWEEP_TO_USERS = 1_000_000_000;
export const SWEEP_POINTS = 60;

/** The traffic animation's simulation: seeded, so the same design always animates the same way. */
export const TRAFFIC_SEED = 1;
export const TRAFFIC_REQUESTS = 20_000;
