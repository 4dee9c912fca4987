import { describe, expect, it } from 'vitest';
import type { Design } from '@/lib/engine/data';
import { apiCredit, judgeApi, judgePartition, matchEntities, pathParams } from './api-check';
import { apiMessages, visibleRequirements } from './api-edit';
import { idealApi } from './api-ideal';
import type { ApiAnswer, EntityAnswer } from './api-schema';
import { parseAttempt } from './attempt';
import { problemWorkload, runModel } from './model';
import { PROBLEMS, getProblem } from './problems';
import { parseProblem, type Problem } from './schema';
import { reviewAttempt } from './scoring';
import { emptyAttempt, idealAttempt } from './test-helpers';

const chat = getProblem('chat')!;

/** The ideal answer with one entity changed. */
function withEntity(answer: ApiAnswer, name: string, f: (e: EntityAnswer) => EntityAnswer): ApiAnswer {
  return { ...answer, entities: answer.entities.map((e) => (e.name === name ? f(e) : e)) };
}
/** The ideal answer with the partition key of `table` set to its field called `field`. */
function partitionBy(answer: ApiAnswer, table: string, field: string, type?: EntityAnswer['fields'][number]['type']) {
  return withEntity(answer, table, (e) => {
    const fields = e.fields.some((f) => f.name === field)
      ? e.fields
      : [...e.fields, { id: `${e.id}-${field}`, name: field, type: type ?? 'text', ref: null }];
    return { ...e, fields, partitionKey: fields.find((f) => f.name === field)!.id };
  });
}

/** The engine's own figures for the busiest store of a design at the problem's load, without any skew. */
function storeLoad(problem: Problem, design: Design) {
  const r = runModel(design, problemWorkload(problem));
  if (!r.ok) throw new Error(r.error);
  const stores = design.nodes.filter((n) => n.kind === 'database' || n.kind === 'nosql');
  const busiest = stores
    .map((n) => ({ n, a: r.evaluation.nodes[n.id].arrivalRps }))
    .sort((x, y) => y.a.write + y.a.job - (x.a.write + x.a.job))[0];
  return {
    id: busiest.n.id,
    writes: busiest.a.write + busiest.a.job,
    utilization: r.evaluation.nodes[busiest.n.id].utilization,
  };
}

describe('the Entities & API step, structurally', () => {
  it.each(PROBLEMS.map((p) => [p.id, p] as const))(
    '%s: the answer built from its content earns full credit',
    (_id, p) => {
      const j = judgeApi(p, idealApi(p), p.reference.design);
      const failing = [...j.patterns.flatMap((x) => x.checks), ...j.tables.lookups].filter((c) => !c.ok);
      expect(failing).toEqual([]);
      expect(j.partition.verdict).toBe('good');
      expect(apiCredit(j)).toBeCloseTo(1, 9);
    },
  );

  it('gives nothing for an empty answer and says what to do', () => {
    const review = reviewAttempt(chat, emptyAttempt(chat));
    const item = review.items.find((i) => i.id === 'api')!;
    expect(item.score).toBe(0);
    expect(item.sentence).toMatch(/You skipped entities and the API/);
  });

  it('names a read sent as POST, a path without the conversation id, and a response without the sender', () => {
    const ideal = idealApi(chat);
    const answer: ApiAnswer = {
      ...ideal,
      endpoints: ideal.endpoints.map((e) =>
        e.id === 'ep-sync-messages'
          ? { ...e, method: 'POST', path: '/messages', response: 'message_id, text, created_at' }
          : e,
      ),
    };
    const details = reviewAttempt(chat, { ...idealAttempt(chat), api: answer }).items.find(
      (i) => i.id === 'api',
    )!.details;
    expect(details).toContain('POST /messages: a read is GET: safe, cacheable, no side effects, not POST.');
    expect(details).toContain(
      'POST /messages: the path must carry the conversation id as a parameter (e.g. /conversations/{conversation_id}).',
    );
    expect(details).toContain('POST /messages: the response lacks the sender.');
  });

  it('reads path parameters through the candidate’s own fields and collection names', () => {
    const answer = idealApi(chat);
    const m = matchEntities(chat.interface, answer);
    expect(pathParams(chat.interface, m, answer, '/conversations/{id}/messages')).toEqual([
      { name: 'id', entity: 'conversation' },
    ]);
    expect(pathParams(chat.interface, m, answer, '/chats/:chatId/messages')).toEqual([
      { name: 'chatId', entity: 'conversation' },
    ]);
    expect(pathParams(chat.interface, m, answer, '/inbox/{message_id}')).toEqual([
      { name: 'message_id', entity: 'message' },
    ]);
    expect(pathParams(chat.interface, m, answer, '/things/{x}')).toEqual([{ name: 'x', entity: null }]);
  });

  it('says when a requirement has no endpoint, an entity has no key, and a lookup has no index', () => {
    let answer = idealApi(chat);
    answer = { ...answer, endpoints: answer.endpoints.filter((e) => e.serves !== 'receipts') };
    answer = withEntity(answer, 'Message', (e) => ({ ...e, indexes: [] }));
    answer = withEntity(answer, 'User', (e) => ({
      ...e,
      primaryKey: [],
      fields: e.fields.map((f) => ({ ...f, type: 'text' as const })),
    }));
    const details = reviewAttempt(chat, { ...idealAttempt(chat), api: answer }).items.find(
      (i) => i.id === 'api',
    )!.details;
    expect(details).toContain(
      'No endpoint serves “Senders see delivered and read receipts”: mark a conversation delivered or read up to a message.',
    );
    expect(details).toContain('User has no id field: every entity needs a key of its own.');
    expect(details).toContain('User has no primary key.');
    expect(details).toContain(
      'Fetch a conversation’s new messages, newest first: Message needs its primary key or an index on (conversation id, then time); without one every lookup scans the table.',
    );
  });

  it('finds the candidate’s entities by name, plural or not, whatever the case', () => {
    const answer = withEntity(idealApi(chat), 'Conversation', (e) => ({ ...e, name: 'Chats' }));
    expect(matchEntities(chat.interface, answer).toCandidate.get('conversation')?.name).toBe('Chats');
    const missing = withEntity(idealApi(chat), 'Conversation', (e) => ({ ...e, name: 'Widget' }));
    const item = reviewAttempt(chat, { ...idealAttempt(chat), api: missing }).items.find((i) => i.id === 'api')!;
    expect(item.details).toContain('Missing entities: conversation.');
    expect(item.sentence).toMatch(/1 core entity is missing/);
  });
});

describe('the partition key, judged by the model', () => {
  it('passes chat partitioned by conversation id: the hottest partition stays near the even spread', () => {
    const design = chat.reference.design;
    const base = storeLoad(chat, design);
    const r = judgePartition(chat, idealApi(chat), design);
    expect(r.verdict).toBe('good');
    expect(r.figures!.utilization).toBeLessThan(1);
    expect(r.figures!.utilization).toBeCloseTo(base.utilization, 1);
    expect(r.sentence).toMatch(/^Partition by conversation_id: the busiest partition takes/);
  });

  it('fails chat partitioned by sent time: every write on one partition, with the engine’s numbers', () => {
    const design = chat.reference.design;
    const base = storeLoad(chat, design);
    const r = judgePartition(chat, partitionBy(idealApi(chat), 'Message', 'created_at'), design);
    expect(r.verdict).toBe('overloaded');
    const u = r.figures!.utilization;
    expect(u).toBeGreaterThan(3);
    expect(r.figures!.writesRps).toBeCloseTo(base.writes, 6);
    expect(r.sentence).toContain(
      `Partition by created_at: all ${Math.round(base.writes).toLocaleString('en-US')} writes/s land on one partition, ${u.toFixed(1)}× its limit on your`,
    );
    // It costs the step its partition-key share, and the review says why.
    const item = reviewAttempt(chat, {
      ...idealAttempt(chat),
      api: partitionBy(idealApi(chat), 'Message', 'created_at'),
    }).items.find((i) => i.id === 'api')!;
    expect(item.score).toBeLessThan(item.max);
    expect(item.sentence).toContain('all ');
    expect(item.lessonId).toBe('guide-sharding');
  });

  it('fails chat partitioned by sender: a conversation read asks every partition', () => {
    const answer = withEntity(idealApi(chat), 'Message', (e) => {
      const sender = e.fields.find((f) => f.ref === 'ent-user')!;
      return { ...e, partitionKey: sender.id };
    });
    const r = judgePartition(chat, answer, chat.reference.design);
    expect(r.spec?.key).toBe('ref:user');
    expect(r.verdict).toBe('overloaded');
    expect(r.sentence).toMatch(
      /reads\/s \(fetch a conversation’s new messages, newest first; .*\) must ask all 100 partitions/,
    );
  });

  it('fails a low-cardinality key where the engine saturates it: rate limiter by endpoint', () => {
    const rl = getProblem('rate-limiter')!;
    const r = judgePartition(rl, partitionBy(idealApi(rl), 'Usage counter', 'endpoint', 'enum'), rl.reference.design);
    expect(r.verdict).toBe('overloaded');
    expect(r.figures!.utilization).toBeGreaterThan(1);
    expect(r.figures!.hotShare).toBeGreaterThan(0.3);
  });

  it('calls a monotonic key that holds today concentrated, with how far it scales', () => {
    const url = getProblem('url-shortener')!;
    const r = judgePartition(
      url,
      partitionBy(idealApi(url), 'Short link', 'created_at', 'timestamp'),
      url.reference.design,
    );
    expect(r.verdict).toBe('concentrated');
    expect(r.figures!.utilization).toBeLessThan(1);
    expect(r.sentence).toMatch(
      /It holds at today’s peak, but adding partitions does not spread it: the hottest one saturates at [\d.]+× today’s load/,
    );
  });

  it('runs on the candidate’s own store, split when it is one partition, or on the reference when there is none', () => {
    const paste = getProblem('pastebin')!;
    const own = judgePartition(paste, idealApi(paste), paste.reference.design);
    expect(own.figures).toMatchObject({ onReference: false, split: true, partitions: 4 });
    const bare: Design = {
      schemaVersion: 1,
      nodes: [{ id: 'users', kind: 'users', position: { x: 0, y: 0 } }],
      edges: [],
    };
    const ref = judgePartition(paste, idealApi(paste), bare);
    expect(ref.figures?.onReference).toBe(true);
    expect(ref.sentence).toContain('on the reference design’s');
  });

  it('says so when the table has no partition key', () => {
    const answer = withEntity(idealApi(chat), 'Message', (e) => ({ ...e, partitionKey: null }));
    const r = judgePartition(chat, answer, chat.reference.design);
    expect(r.verdict).toBe('missing');
    expect(r.sentence).toMatch(/^Message has no partition key/);
  });
});

describe('the form and saved attempts', () => {
  it('shows clear messages for a nameless entity, a dangling reference, a bad path and no requirement', () => {
    const answer: ApiAnswer = {
      entities: [
        {
          id: 'e1',
          name: '',
          fields: [{ id: 'f1', name: 'owner', type: 'ref', ref: null }],
          primaryKey: [],
          indexes: [],
          partitionKey: null,
        },
      ],
      endpoints: [{ id: 'ep1', method: 'GET', path: 'users/{id', serves: '', request: '', response: '' }],
    };
    const m = apiMessages(answer);
    expect(m.get('e1')).toEqual(['Give the entity a name.', 'No field is its own id: every entity needs a key.']);
    expect(m.get('f1')).toEqual(['Choose the entity this field refers to.']);
    expect(m.get('e1:table')).toEqual(['Choose a primary key.']);
    expect(m.get('ep1')).toEqual(['A path starts with “/”.', 'Choose the requirement this endpoint serves.']);
    expect(apiMessages(idealApi(chat)).size).toBe(0);
  });

  it('lists only the requirements the candidate knows of: hidden ones after their question', () => {
    const ids = (asked: { id: string }[]) => visibleRequirements(chat, asked).map((r) => r.id);
    expect(ids([])).not.toContain('groups');
    const q = chat.questions.find((x) => x.reveals.includes('groups'))!;
    expect(ids([{ id: q.id }])).toContain('groups');
  });

  it('loads an attempt saved before the step, scores it without it, as it was scored then', () => {
    const p = getProblem('pastebin')!;
    const { api: _api, ...old } = idealAttempt(p);
    const loaded = parseAttempt(JSON.parse(JSON.stringify(old)))!;
    expect(loaded).not.toBeNull();
    expect(loaded.api).toBeNull();
    const review = reviewAttempt(p, loaded);
    expect(review.items.some((i) => i.id === 'api')).toBe(false);
    expect(review.items.find((i) => i.id === 'capacity')!.max).toBe(18);
    expect(review.items.find((i) => i.id === 'deepdive')!.max).toBe(10);
    expect(review.total).toBe(100);
    // A new attempt keeps its answer through a save.
    const fresh = parseAttempt(JSON.parse(JSON.stringify(idealAttempt(p))))!;
    expect(fresh.api).toEqual(idealApi(p));
  });
});

describe('the interface content', () => {
  const raw = () => JSON.parse(JSON.stringify(chat)) as Record<string, unknown> & { interface: Problem['interface'] };
  it('refuses shares that do not add up to the workload, unknown requirements and keys that skip a pattern', () => {
    const bad = raw();
    bad.interface.accessPatterns[0].share = 0.5;
    bad.interface.accessPatterns[1].requirement = 'nope';
    delete (bad.interface.partition.keys[0].hottest as Record<string, unknown>)['send-message'];
    const r = parseProblem(bad);
    expect(r.ok).toBe(false);
    const issues = r.ok ? [] : r.issues;
    expect(issues).toContain(
      'interface.accessPatterns: write patterns’ shares add up to 0.650, not 1 − readRatio = 0.500'.replace('’', "'"),
    );
    expect(issues).toContain('interface.accessPatterns.1.requirement: no functional requirement "nope"');
    expect(issues).toContain('interface.partition.keys.0.hottest: says nothing about "send-message"');
  });
  it('needs a key that works and one that does not', () => {
    const bad = raw();
    bad.interface.partition.keys = bad.interface.partition.keys.map((k) => ({ ...k, acceptable: true }));
    const r = parseProblem(bad);
    expect(r.ok ? [] : r.issues).toContain('interface.partition.keys: list at least one key that fails, to teach why');
  });
});
