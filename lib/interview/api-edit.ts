/**
 * Helpers for the "Entities & API" form: fresh row ids, what the candidate
 * can see of the requirements, and the validation messages shown beside the
 * fields (they guide; they never block moving on).
 */
import type { ApiAnswer } from './api-schema';
import type { Problem } from './schema';

/** A row id not used yet in the answer: `prefix` and one more than the largest number in use. */
export function nextRowId(answer: ApiAnswer, prefix: string): string {
  let max = 0;
  const see = (id: string) => {
    const n = Number(/(\d+)$/.exec(id)?.[1] ?? 0);
    if (n > max) max = n;
  };
  for (const e of answer.entities) {
    see(e.id);
    e.fields.forEach((f) => see(f.id));
  }
  answer.endpoints.forEach((e) => see(e.id));
  return `${prefix}${max + 1}`;
}

/** Functional requirements the candidate knows of: those in the brief, and hidden ones a question they asked revealed. */
export function visibleRequirements(
  problem: Pick<Problem, 'requirements' | 'questions'>,
  asked: { id: string }[],
): Problem['requirements'] {
  const askedIds = new Set(asked.map((a) => a.id));
  const revealed = new Set(problem.questions.filter((q) => askedIds.has(q.id)).flatMap((q) => q.reveals));
  return problem.requirements.filter((r) => r.kind === 'functional' && (!r.hidden || revealed.has(r.id)));
}

/** Validation messages, keyed by the id of the row (entity, field or endpoint) they concern. */
export function apiMessages(answer: ApiAnswer): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (id: string, m: string) => out.set(id, [...(out.get(id) ?? []), m]);
  const norm = (s: string) => s.trim().toLowerCase();
  const names = new Map<string, number>();
  answer.entities.forEach((e) => names.set(norm(e.name), (names.get(norm(e.name)) ?? 0) + 1));
  for (const e of answer.entities) {
    if (!e.name.trim()) add(e.id, 'Give the entity a name.');
    else if ((names.get(norm(e.name)) ?? 0) > 1) add(e.id, `Another entity is also called “${e.name.trim()}”.`);
    if (!e.fields.some((f) => f.type === 'id')) add(e.id, 'No field is its own id: every entity needs a key.');
    const fieldNames = new Map<string, number>();
    e.fields.forEach((f) => fieldNames.set(norm(f.name), (fieldNames.get(norm(f.name)) ?? 0) + 1));
    for (const f of e.fields) {
      if (!f.name.trim()) add(f.id, 'Name the field.');
      else if ((fieldNames.get(norm(f.name)) ?? 0) > 1) add(f.id, `Two fields are called “${f.name.trim()}”.`);
      if (f.type === 'ref' && (!f.ref || !answer.entities.some((x) => x.id === f.ref)))
        add(f.id, 'Choose the entity this field refers to.');
    }
    if (e.fields.length > 0 && e.primaryKey.length === 0) add(`${e.id}:table`, 'Choose a primary key.');
    if (e.primaryKey.length === 2 && e.primaryKey[0] === e.primaryKey[1])
      add(`${e.id}:table`, 'The key names the same field twice.');
  }
  for (const ep of answer.endpoints) {
    const path = ep.path.trim();
    if (!path) add(ep.id, 'Write the path, e.g. /conversations/{conversation_id}/messages.');
    else if (!path.startsWith('/')) add(ep.id, 'A path starts with “/”.');
    else if (/\s/.test(path)) add(ep.id, 'A path has no spaces.');
    else if (/\{[^}]*$|^[^{]*\}/.test(path)) add(ep.id, 'A path parameter is written {name}, with both braces.');
    if (!ep.serves) add(ep.id, 'Choose the requirement this endpoint serves.');
  }
  return out;
}
