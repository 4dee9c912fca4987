/**
 * What the browser is given of a problem while the mock runs: the brief, the
 * facts, the load, the SLOs, the budget, the stated requirements and the
 * curveballs (each shown when it arrives). Left out until the review: the
 * hidden requirements, the questions with their answers (matched on the
 * server, app/api/interview/[problemId]/ask), the reference design, the
 * trade-off topics and strong answers. The result has the Problem shape so
 * the mock's components take it unchanged; it is not a valid problem file
 * (no questions), and is never scored: the review is computed on the
 * server from the full problem (app/api/interview/[problemId]/review).
 */
import type { AskedQuestion } from './asked';
import { revealedRequirements } from './asked';
import type { Problem, Requirement } from './schema';

export function candidateProblem(problem: Problem): Problem {
  return {
    ...problem,
    requirements: problem.requirements.filter((r) => !r.hidden),
    questions: [],
    curveballs: problem.curveballs.map((c) => ({ ...c, strongResponse: '' })),
    reference: { design: { schemaVersion: 1, nodes: [], edges: [] }, notes: [] },
    rubric: { ...problem.rubric, tradeoffTopics: [], strongAnswer: [] },
  };
}

/** The candidate's view with the requirements their questions brought to light added (as hidden ones, now known). */
export function withRevealed(view: Problem, log: readonly AskedQuestion[]): Problem {
  const known = new Set(view.requirements.map((r) => r.id));
  const added: Requirement[] = revealedRequirements(log)
    .filter((r) => !known.has(r.id))
    .map((r) => ({
      id: r.id,
      kind: r.kind,
      text: r.text,
      hidden: true,
      keywords: [],
      ...(r.design ? { design: r.design } : {}),
    }));
  return added.length === 0 ? view : { ...view, requirements: [...view.requirements, ...added] };
}
