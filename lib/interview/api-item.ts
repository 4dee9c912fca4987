/**
 * The "Entities & API" rubric line: the judgement of api-check.ts as a score,
 * one sentence and the specific lines the review lists.
 */
import type { Design } from '@/lib/engine/data';
import { apiCredit, judgeApi, type ApiJudgement } from './api-check';
import type { ApiAnswer } from './api-schema';
import type { Problem } from './schema';
import type { RubricScore } from './scoring';

const round1 = (x: number) => Math.round(x * 10) / 10;

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function apiItem(
  problem: Problem,
  answer: ApiAnswer,
  design: Design,
  max: number,
): { item: RubricScore; judgement: ApiJudgement } {
  const j = judgeApi(problem, answer, design);
  const credit = apiCredit(j);
  const empty = answer.entities.length === 0 && answer.endpoints.length === 0;
  const missingEntities = j.entities.expected.filter((e) => !e.yours).map((e) => e.label.toLowerCase());
  const served = j.patterns.filter((p) => p.checks.every((c) => c.ok)).length;
  const details: string[] = [];
  if (missingEntities.length > 0) details.push(`Missing entities: ${list(missingEntities)}.`);
  for (const name of j.entities.noId) details.push(`${name} has no id field: every entity needs a key of its own.`);
  for (const ref of j.entities.danglingRefs) details.push(`${ref} is a reference that points at no entity.`);
  for (const p of j.patterns) for (const c of p.checks) if (!c.ok) details.push(c.text.replace(/\.?$/, '.'));
  for (const name of j.tables.noKey) details.push(`${name} has no primary key.`);
  for (const l of j.tables.lookups) if (!l.ok) details.push(l.text);
  for (const r of problem.interface.internal)
    details.push(
      `No endpoint needed for “${problem.requirements.find((x) => x.id === r.requirement)?.text.replace(/\.$/, '') ?? r.requirement}”: ${r.why}`,
    );
  let sentence: string;
  if (empty)
    sentence =
      'You skipped entities and the API. Before the boxes, name the core entities, one endpoint per requirement with its method and fields, and each table’s keys.';
  else
    sentence = `${served} of ${j.patterns.length} requests the problem needs are fully served by your API${
      missingEntities.length > 0
        ? `; ${missingEntities.length} core ${missingEntities.length === 1 ? 'entity is' : 'entities are'} missing`
        : ''
    }. ${j.partition.sentence}`;
  return {
    judgement: j,
    item: {
      id: 'api',
      label: 'Entities & API',
      score: round1(max * credit),
      max,
      sentence,
      details,
      lessonId: j.partition.verdict !== 'good' ? 'guide-sharding' : credit < 0.85 ? 'guide-databases' : null,
    },
  };
}
