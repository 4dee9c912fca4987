/**
 * Entry of a grading pool worker thread (piscina). lib/classroom/scenarios/grading-pool.ts
 * bundles it, with the engine and everything it imports, into one plain
 * JavaScript file once per server process, so each worker loads ready code:
 * about 8 MB a worker instead of about 24 MB when TypeScript was compiled in
 * every worker at start.
 */
import { runGradingTask } from './grading-job';

export default runGradingTask;
