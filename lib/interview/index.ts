/**
 * Interview practice: timed mock system-design interviews scored by the
 * capacity model (lib/engine). Everything here is plain TypeScript, free of
 * React, so it is tested on its own; the pages in app/interview and the
 * components in components/interview only wire it up.
 *
 * Design decisions
 *
 * - Problems are content files (content/problems/*.json) checked by the zod
 *   schema in schema.ts: brief, facts, the workload the model scores at
 *   (MODEL.md §1.2), SLOs and budget, requirements (some hidden behind
 *   clarifying questions), at least two curveballs, a reference design and
 *   a rubric.
 *
 * - Scoring at the target is our own check list over `evaluate()` at the
 *   problem's workload (target.ts), not the engine's stage checks (those use
 *   the default workload at the stage's users): nothing saturates, no more
 *   than 0.1% of requests fail or are shed, the data fits, p95 read ≤ the
 *   problem's SLO, availability ≥ its SLO, monthly cost ≤ its budget, and
 *   each requirement that names a design check (a cache, a queue, two
 *   regions, no single point of failure) has it. The design's own workload
 *   is always ignored.
 *
 * - Curveballs (curveballs.ts) are expressed for the engine as a changed
 *   workload or a changed design, then evaluated like any design. The
 *   engine's what-if module (lib/engine/what-if.ts) covers a fixed subset;
 *   curveballs need the general forms, so they are design → design
 *   transformations here:
 *     launch-day traffic   workload multipliers (peakFactor ×10);
 *     region outage        every node of the busiest region removed with its
 *                          edges (global kinds stay; DNS and CDN route round);
 *     zone outage          self-run tiers keep ⌊n·(1−f)⌋ instances, a tier
 *                          left with none is removed, a database fails over
 *                          to its standby or is lost, autoscaled tiers and
 *                          managed kinds are unhurt;
 *     slow dependency      serviceMs ×k (latencyMs for managed kinds, the
 *                          job time for workers);
 *     cold cache, hot key  parameters set on every node of a kind
 *                          (hitRatio 0.3, shardSkew 3).
 *   A curveball *held* when ≤ 1% of requests fail, ≤ 5% are shed (unless the
 *   curveball allows more: shedding is the point of a rate limiter), nothing
 *   saturates and p95 read stays within the SLO; it *degraded* when at most
 *   25% fail (shedding on purpose is graceful); otherwise it *failed*.
 *   Curveballs come due at set minutes of a 45-minute clock (scaled to the
 *   chosen duration), arrive only during the design phase, and any still
 *   pending arrive before the candidate may leave it. Each is re-scored when
 *   it arrives (shown at once in practice mode) and again, for the review,
 *   on the final design.
 *
 * - Estimation (estimation.ts): peak rps, storage per year and peak
 *   bandwidth out, against the model's figures from the same workload.
 *   Within 2× either way is on target (full credit), within 5× close (half),
 *   beyond that off (none).
 *
 * - The rubric (scoring.ts), 100 points by default, each item with a
 *   sentence on what to improve: requirements covered 15 (per requirement,
 *   captured in the notes by keyword or through the question that reveals
 *   it, and — where it names one — its design check: half each), estimation
 *   15 (mean credit of the three figures), capacity at target 20 (70%
 *   headroom: full at ρ ≤ 0.8, none at 1 or when anything saturates; 30%
 *   latency: full at the SLO, none at twice it), availability 15 (full at
 *   the SLO, none at ten times the allowed downtime, log-linear between),
 *   cost 10 (full within budget, none at twice it, none if the design does
 *   not carry the load), curveballs 15 split evenly (held 1, degraded ½,
 *   failed 0), trade-offs 10 (share of the problem's trade-off topics
 *   named, up to its expected count, scaled down below 60 words).
 *
 * - State (attempt.ts) is a pure reducer whose actions carry the time, so
 *   the timer and phases are testable and survive a reload; the clock runs
 *   on wall time unless paused. Attempts live in localStorage under
 *   versioned keys (storage.ts): one active attempt per problem and a
 *   history of finished ones with their score snapshot (history.ts).
 */
export * from './schema';
export * from './study';
export * from './model';
export * from './curveballs';
export * from './estimation';
export * from './target';
export * from './text-match';
export * from './attempt';
export * from './scoring';
export * from './storage';
export * from './history';
export * from './problems';
export * from './format';
