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
 *                          a store of record there with no copy in a
 *                          surviving region (a read replica there, or a
 *                          writer that also writes to a store there) loses
 *                          its region's data: those users' dynamic requests
 *                          fail and the curveball fails outright;
 *     zone outage          self-run tiers keep ⌊n·(1−f)⌋ instances, a tier
 *                          left with none is removed, a database fails over
 *                          to its standby or is lost, autoscaled tiers and
 *                          managed kinds are unhurt;
 *     slow dependency      serviceMs ×k (latencyMs for managed kinds, the
 *                          job time for workers);
 *     cold cache           parameters set on every node of a kind (hitRatio 0.3);
 *     hot key              one key's extra reads: caches' hit ratios rise
 *                          (the key always hits), the one cache shard
 *                          holding it is checked here (the engine spreads a
 *                          cache evenly), and the key's reads that reach a
 *                          store land on one partition (the engine's
 *                          shardSkew, set from the first run's figures);
 *     celebrity fan-out    one insert per follower within a deadline, as
 *                          jobs on the write path; the queue is judged at
 *                          that rate, its workers and stores on a second run
 *                          whose workers see it whole (the engine's queue
 *                          otherwise hands on the day's average), and a
 *                          writer with no queue fans out inline: the post
 *                          request waits for every insert.
 *   Each result carries the model's figures behind it, quoted in the review.
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
 *   bandwidth out, against the model's figures from the same workload,
 *   worked step by step from the stated facts (storage from the size of one
 *   write). At the senior level within 2× either way is on target (full
 *   credit), within 5× close (half), beyond that off (none); a miss is
 *   diagnosed by the slip, or pair of slips, that explains its ratio. Two
 *   checks: a corrected second try earns half of what it adds.
 *
 * - Entities & API (api-schema.ts, api-check.ts): a phase between estimation
 *   and design. The candidate enters entities with typed fields (own id,
 *   reference to an entity, timestamp, enum, geo cell…), endpoints (method,
 *   path, the requirement served, request and response fields) and per
 *   entity a table (primary key, indexes, partition key). Each problem's
 *   "interface" lists its entities, access patterns (each with its share of
 *   the dynamic requests; the shares add up to the workload's read ratio)
 *   and candidate partition keys with the busiest key value's share of each
 *   pattern, or "scatter" when the key does not route it. Judged by
 *   structure: an endpoint per pattern with the method its kind needs, a
 *   path parameter for each id it is addressed by, the request and response
 *   fields it needs (read through the candidate's own field types), a key
 *   for every entity and a key or index for each lookup. The partition key
 *   is judged by the model: its skew on the busiest store (the candidate's,
 *   split in four when it is one partition, or the reference's when there is
 *   none) becomes the engine's shardSkew, as the hot-key curveball does, and
 *   the hottest partition's utilisation decides: ≥ 1 is a hot partition
 *   (none of the key's points), a key the content calls unsafe that holds
 *   today is "concentrated" (part), an acceptable one that holds is full.
 *   An attempt saved before the phase has `api: null` and is scored without
 *   the item, on the weights it had.
 *
 * - Levels (levels.ts): mid, senior (the rubric below) and staff change the
 *   weights, estimate thresholds, capacity headroom, the bar and what must
 *   hold to meet it, and the overtime rule (points per started minute over
 *   the clock, capped), shown in the review as its own line.
 *
 * - Nothing is judged by keywords. Clarifying questions are typed in the
 *   candidate's words and matched on the server (ask.ts, the ask route), so
 *   the browser is given only the candidate's view of a problem
 *   (candidate-view.ts: no hidden requirements, questions or answers); the
 *   finished attempt is scored on the server (the review route), on the
 *   full problem. The review page, reached at the end, shows everything.
 *
 * - The rubric (scoring.ts), 100 points by default, each item with a
 *   sentence on what to improve (the figures below are those of an attempt
 *   without the Entities & API item, i.e. saved before it; with it, that
 *   item takes 10 and the others are scaled by 0.9): requirements covered 15 (a hidden
 *   requirement counts once a question revealed it and it stayed in scope,
 *   weighed 1–2× a stated one by level; a stated one when confirmed in the
 *   list; either, where it names one, half for its design check),
 *   estimation 12 (mean credit of the three figures), capacity at target 18
 *   (70% headroom: full at ρ ≤ 0.8, none at 1 or when anything saturates;
 *   30% latency: full at the SLO, none at twice it), availability 13 (full
 *   at the SLO, none at ten times the allowed downtime, log-linear
 *   between), cost 9 (full within budget, none at twice it, none if the
 *   design does not carry the load), curveballs 15 split evenly (held 1,
 *   degraded ½, failed 0), deep dive 10 (deep-dive.ts: two or three numeric
 *   questions about the candidate's own design, checked by re-evaluating a
 *   transformed copy; full within 15%, half within 40%), trade-offs 8
 *   (tradeoff-judge.ts: distinct sentences that name a component of the
 *   design and quote the model's number for it, over the number the level
 *   expects; repeats and lists earn nothing).
 *
 * - State (attempt.ts) is a pure reducer whose actions carry the time, so
 *   the timer and phases are testable and survive a reload; the clock runs
 *   on wall time unless paused. Attempts live in localStorage under
 *   versioned keys (storage.ts): one active attempt per problem and a
 *   history of finished ones with their score snapshot (history.ts), whose
 *   Best and Trend are kept per mode. Attempts are version 2; a stored
 *   version 1 attempt is read as senior, without the overtime rule.
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
export * from './levels';
export * from './problems';
export * from './format';
export * from './ask';
export * from './asked';
export * from './candidate-view';
export * from './deep-dive';
export * from './tradeoff-judge';
