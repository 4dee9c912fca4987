import { PROBLEMS } from '@/lib/interview/problems';
import { deepDiveQuestions, deepDiveTruth } from '@/lib/interview/deep-dive';
for (const p of PROBLEMS) {
  const qs = deepDiveQuestions(p, p.reference.design);
  console.log(p.id, qs.map((q) => `${q.kind}:${q.targetId}=${Math.round(deepDiveTruth(p, p.reference.design, q).value ?? -1)}`).join('  '));
}
