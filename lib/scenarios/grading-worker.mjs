/**
 * Entry of a grading pool worker thread (piscina). The grading code is
 * TypeScript shared with the browser and the API; tsx (a runtime dependency)
 * loads it here, once per worker, outside Next's bundle.
 */
import { tsImport } from 'tsx/esm/api';

const { runGradingTask } = await tsImport('./grading-job.ts', import.meta.url);

export default function grade(task) {
  return runGradingTask(task);
}
