/**
 * A complete answer to a problem's "Entities & API" step, built from its
 * content: every entity with an id, the references and fields its requests
 * need, one endpoint per access pattern, an index per lookup and the first
 * acceptable partition key. Tests use it as the ideal answer (so the content
 * is shown to be answerable in full), and it reads as a model answer.
 */
import { METHODS_FOR } from './api-check';
import type { AccessPattern, ApiAnswer, EntityAnswer, FieldAnswer, FieldType, Need } from './api-schema';
import type { Problem } from './schema';

const snake = (s: string) => s.replace(/-/g, '_');

export function idealApi(problem: Problem): ApiAnswer {
  const iface = problem.interface;
  const entities = new Map<string, EntityAnswer>();
  for (const e of iface.entities) {
    entities.set(e.id, {
      id: `ent-${e.id}`,
      name: e.label,
      fields: [{ id: `ent-${e.id}-id`, name: `${snake(e.id)}_id`, type: 'id', ref: null }],
      primaryKey: [`ent-${e.id}-id`],
      indexes: [],
      partitionKey: null,
    });
  }
  /** The field on `entity` standing for `role` (added when missing); its name. */
  const field = (entity: string, role: string, name?: string): FieldAnswer => {
    const e = entities.get(entity)!;
    let want: { type: FieldType; ref: string | null; name: string };
    if (role === 'id') want = { type: 'id', ref: null, name: `${snake(entity)}_id` };
    else if (role.startsWith('ref:')) {
      const target = role.slice(4);
      want =
        target === entity
          ? { type: 'id', ref: null, name: `${snake(entity)}_id` }
          : { type: 'ref', ref: `ent-${target}`, name: `${snake(target)}_id` };
    } else want = { type: role as FieldType, ref: null, name: name ?? (role === 'timestamp' ? 'created_at' : role) };
    const found = e.fields.find(
      (f) => f.type === want.type && f.ref === want.ref && (want.type === 'id' || f.name === want.name),
    );
    if (found) return found;
    const f: FieldAnswer = { id: `ent-${entity}-f${e.fields.length + 1}`, ...want };
    e.fields.push(f);
    return f;
  };
  const fieldFor = (p: AccessPattern, n: Need): string => {
    if (n.role) return field(p.entity, n.role, n.names?.[0]).name;
    const name = n.names![0];
    const e = entities.get(p.entity)!;
    if (!e.fields.some((f) => f.name === name)) field(p.entity, 'text', name);
    return name;
  };
  const endpoints: ApiAnswer['endpoints'] = [];
  for (const p of iface.accessPatterns) {
    const segs: string[] = [];
    for (const role of p.by) {
      const target = role === 'id' ? p.entity : role.slice(4);
      field(p.entity, role);
      segs.push(`${snake(target)}s`, `{${snake(target)}_id}`);
    }
    if (p.by.length === 0 || p.by[p.by.length - 1] !== 'id') segs.push(`${snake(p.entity)}s`);
    const request = p.request.map((n) => fieldFor(p, n));
    const response = p.response.map((n) => fieldFor(p, n));
    endpoints.push({
      id: `ep-${p.id}`,
      method: METHODS_FOR[p.kind][0],
      path: `/${segs.join('/')}`,
      serves: p.requirement,
      request: request.join(', '),
      response: response.join(', '),
    });
    // An index for each lookup that the primary key does not serve.
    if (p.kind !== 'create' && p.by.length > 0 && !(p.by.length === 1 && p.by[0] === 'id')) {
      const e = entities.get(p.entity)!;
      const ix = [
        field(p.entity, p.by[0]).id,
        ...(p.by[1] ? [field(p.entity, p.by[1]).id] : p.orderBy ? [field(p.entity, 'timestamp').id] : []),
      ];
      if (!e.indexes.some((x) => x.join() === ix.join())) e.indexes.push(ix);
    }
  }
  const key = iface.partition.keys.find((k) => k.acceptable)!;
  const table = entities.get(iface.partition.entity)!;
  table.partitionKey = field(
    iface.partition.entity,
    key.key,
    key.key === 'geo' ? 'cell' : key.key === 'text' ? 'query_text' : undefined,
  ).id;
  return { entities: [...entities.values()], endpoints };
}
