import { getProblem } from '@/lib/interview/problems';
import { checkTarget } from '@/lib/interview/target';
import { designFigures, judgeTradeoffText } from '@/lib/interview/tradeoff-judge';
const p = getProblem('pastebin')!;
const t = checkTarget(p, p.reference.design);
const e = t.evaluation!;
for (const f of designFigures(p.reference.design, e)) console.log(f.id, f.unit, f.value.toFixed(3), f.label);
const stuffed = Array(14).fill('cache s3 expire base62 replica').join(' ');
console.log(JSON.stringify(judgeTradeoffText(stuffed, p.reference.design, e, { expected: 3 }).credit));
