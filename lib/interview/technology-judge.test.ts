/**
 * The review judges technology choices by the model: the design with the
 * chosen technology must meet the problem's targets, and the review says why
 * in the model's numbers. Words in the trade-offs earn nothing for it.
 */
import { describe, expect, it } from 'vitest';
import type { Design, DesignNode } from '@/lib/engine/data';
import { parseAttempt, type Attempt } from './attempt';
import { getProblem } from './problems';
import { itemMaxima, reviewAttempt, rubricItemIds, weightsOf } from './scoring';
import { checkTarget } from './target';
import { judgeTechnology } from './technology-judge';
import { idealAttempt } from './test-helpers';

const problem = (id: string) => getProblem(id)!;

/** The reference design with every node of `kind` changed by `f`. */
function withNodes(design: Design, kind: DesignNode['kind'], f: (n: DesignNode) => DesignNode): Design {
  return { ...design, nodes: design.nodes.map((n) => (n.kind === kind ? f(n) : n)) };
}

const generic = (n: DesignNode): DesignNode => {
  const { technology: _t, ...params } = n.params ?? {};
  return { ...n, params };
};

function technologyItem(id: string, design: Design, tradeoffs?: string) {
  const p = problem(id);
  const attempt: Attempt = { ...idealAttempt(p), design, ...(tradeoffs !== undefined ? { tradeoffs } : {}) };
  const review = reviewAttempt(p, attempt);
  return { review, item: review.items.find((i) => i.id === 'technology')! };
}

describe('chat: the message store', () => {
  const chat = problem('chat');

  it('Cassandra keyed by conversation, sized as the reference, passes with full marks and the numbers', () => {
    const { item, review } = technologyItem('chat', chat.reference.design);
    expect(item.score).toBe(item.max);
    // Half the trade-offs' points and half the cost's, at senior: 3.6 + 4.1.
    expect(item.max).toBe(itemMaxima(weightsOf(chat), true).technology);
    expect(item.max).toBeCloseTo(7.6, 1);
    const v = review.technology[0];
    expect(v.outcome).toBe('passes');
    expect(v.options[0].technology).toBe('cassandra');
    expect(v.nodeIds).toEqual(['east-store', 'west-store']);
    // The review says why in the model's numbers: the store's utilisation and cost.
    expect(item.sentence).toMatch(/Cassandra: .*\d+% utilisation with [\d,.]+[KMB]? req\/s arriving/);
    expect(item.sentence).toMatch(/meets the targets/);
  });

  it('a single relational primary fails it, with the number that breaks it', () => {
    const single = withNodes(chat.reference.design, 'nosql', (n) => ({
      ...n,
      kind: 'database',
      params: { technology: 'postgresql', size: 'xlarge', standby: true, region: n.params?.region },
    }));
    const target = checkTarget(chat, single);
    expect(target.passed).toBe(false);
    const [v] = judgeTechnology(chat, single, target);
    expect(v.outcome).toBe('beaten');
    expect(v.credit).toBe(0);
    const mine = v.options[0];
    expect(mine.technology).toBe('postgresql');
    expect(mine.utilization!).toBeGreaterThan(1);
    // A partitioned store would carry the same design.
    expect(v.options.some((o) => o.kind === 'nosql' && o.passes)).toBe(true);
    const { item } = technologyItem('chat', single);
    expect(item.score).toBe(0);
    expect(item.sentence).toMatch(/saturates at [\d,]+%/);
    expect(item.sentence).toMatch(/the choice is what fails/);
  });

  it('a generic NoSQL store is told it chose no technology and gets nothing for it', () => {
    const { item, review } = technologyItem('chat', withNodes(chat.reference.design, 'nosql', generic));
    expect(review.technology[0].outcome).toBe('generic');
    expect(item.score).toBe(0);
    expect(item.sentence).toMatch(/you did not choose a technology/);
    // …while the rest of the design still scores as before.
    expect(review.target.passed).toBe(true);
  });
});

describe('words earn nothing for the technology', () => {
  it('a keyword-stuffed trade-off naming Kafka beside a generic queue scores nothing for technology', () => {
    const p = problem('notification-service');
    const design = withNodes(p.reference.design, 'queue', generic);
    const stuffed =
      'We use Kafka because Kafka partitions scale, Kafka consumer groups, Kafka retention, Kafka not RabbitMQ, Kafka not SQS, so Kafka.\n'.repeat(
        5,
      );
    const { item, review } = technologyItem('notification-service', design, stuffed);
    expect(review.technology[0].outcome).toBe('generic');
    expect(item.score).toBe(0);
    expect(item.sentence).toMatch(/you did not choose a technology/);
  });

  it('the same design with the queue set to a technology that meets the targets scores it', () => {
    const p = problem('notification-service');
    const { item } = technologyItem('notification-service', p.reference.design);
    expect(item.score).toBe(item.max);
  });
});

describe('leaderboard: the ranking store', () => {
  it('Memcached carries the reads but has no sorted set: a misfit, whatever the numbers', () => {
    const p = problem('leaderboard');
    const design = withNodes(p.reference.design, 'cache', (n) => ({
      ...n,
      params: { ...n.params, technology: 'memcached' },
    }));
    const { item, review } = technologyItem('leaderboard', design);
    expect(review.technology[0].outcome).toBe('misfit');
    expect(item.score).toBe(0);
    expect(item.sentence).toMatch(/sorted set/);
  });
});

describe('attempts saved before technology judging', () => {
  it('keep their items and weights: no technology item, trade-offs and curveballs at their old points', () => {
    const p = problem('chat');
    const raw = JSON.parse(JSON.stringify(idealAttempt(p))) as Record<string, unknown>;
    delete raw.judgesTechnology;
    const old = parseAttempt(raw)!;
    expect(old.judgesTechnology).toBe(false);
    const review = reviewAttempt(p, old);
    expect(review.items.map((i) => i.id)).toEqual(rubricItemIds(p, false));
    expect(review.items.some((i) => i.id === 'technology')).toBe(false);
    expect(review.technology).toEqual([]);
    const before = weightsOf(p, 'senior');
    expect(review.items.find((i) => i.id === 'tradeoffs')!.max).toBe(before.tradeoffs);
    expect(review.items.find((i) => i.id === 'cost')!.max).toBe(before.cost);
  });

  it('a problem that judges no technology has no technology item at all', () => {
    const p = problem('url-shortener');
    expect(p.rubric.technology).toEqual([]);
    const review = reviewAttempt(p, idealAttempt(p));
    expect(review.items.some((i) => i.id === 'technology')).toBe(false);
  });
});

describe('ride-hailing: the location store', () => {
  it('Cassandra carries the location writes; a single PostgreSQL primary in its place saturates, and the review says so', () => {
    const p = problem('ride-hailing');
    expect(technologyItem('ride-hailing', p.reference.design).item.score).toBeGreaterThan(0);
    const single = withNodes(p.reference.design, 'nosql', (n) => ({
      ...n,
      kind: 'database',
      params: { technology: 'postgresql', size: 'xlarge', standby: true, region: n.params?.region },
    }));
    const { item, review } = technologyItem('ride-hailing', single);
    expect(review.technology[0].outcome).toBe('beaten');
    expect(item.score).toBe(0);
    expect(item.sentence).toMatch(/saturates at [\d,]+%/);
  });
});

describe('ride-hailing: the location stream (a log read by a stream processor, judged only where the design has one)', () => {
  const p = problem('ride-hailing');
  /** The reference with a location log from each region's location service to a stream processor (the surge job). */
  function withStream(log: DesignNode['params'], processor: DesignNode['params'] = {}): Design {
    const d = p.reference.design;
    const services = d.nodes.filter((n) => n.kind === 'service' && n.id.endsWith('-location'));
    return {
      ...d,
      nodes: [
        ...d.nodes,
        ...services.flatMap((s): DesignNode[] => [
          { id: `${s.id}-log`, kind: 'queue', label: `Location log (${s.params?.region})`, params: { ...log, region: s.params?.region } },
          { id: `${s.id}-surge`, kind: 'stream-processor', label: `Surge job (${s.params?.region})`, params: { ...processor, region: s.params?.region } },
        ]),
      ],
      edges: [
        ...d.edges,
        ...services.flatMap((s) => [
          { id: `${s.id}-to-log`, source: s.id, target: `${s.id}-log` },
          { id: `${s.id}-log-to-surge`, source: `${s.id}-log`, target: `${s.id}-surge` },
        ]),
      ],
    };
  }
  const stream = (review: ReturnType<typeof technologyItem>['review']) => review.technology.find((v) => v.choice.id === 'location-stream')!;

  it('a design without a stream processor is not judged on it: the item is the location store’s alone', () => {
    const { item, review } = technologyItem('ride-hailing', p.reference.design);
    expect(stream(review).outcome).toBe('absent');
    expect(item.score).toBe(item.max);
    // The trip-events queue read by workers is not the location stream.
    expect(stream(review).nodeId).toBeNull();
  });

  it('Kafka feeding the surge job keeps up and scores; a generic log scores nothing for it and halves the item', () => {
    const kafka = technologyItem('ride-hailing', withStream({ technology: 'kafka' }));
    expect(stream(kafka.review).outcome).toBe('passes');
    expect(stream(kafka.review).nodeId).toMatch(/-location-log$/);
    expect(kafka.item.score).toBe(kafka.item.max);
    const generic = technologyItem('ride-hailing', withStream({}));
    expect(stream(generic.review).outcome).toBe('generic');
    expect(generic.item.score).toBe(Math.round((generic.item.max / 2) * 10) / 10);
  });

  it('one Kafka partition caps a slow surge job at one slot: it lags at the peak, the review says so in numbers, and a log without partitions beats it', () => {
    // 4 ms an event: 250 events/s a slot against about 445 at each region's peak.
    const { item, review } = technologyItem('ride-hailing', withStream({ technology: 'kafka', partitions: 1 }, { serviceMs: { write: 4 } }));
    const v = stream(review);
    const mine = v.options.find((o) => o.chosen)!;
    expect(mine.passes).toBe(false);
    expect(mine.misses[0]).toMatch(/^Surge job \(us-east\) falls [\d,]+ events behind at the peak \(250 events\/s against 445, the log's 1 partition letting 1 of its 2 slots read\)$/);
    expect(v.outcome).toBe('beaten');
    expect(v.sentence).toContain('events behind at the peak');
    expect(item.score).toBeLessThan(item.max);
    // Two partitions let both slots read: 500 events/s, no lag.
    const two = stream(technologyItem('ride-hailing', withStream({ technology: 'kafka', partitions: 2 }, { serviceMs: { write: 4 } })).review);
    expect(two.options.find((o) => o.chosen)!.misses.some((m) => /events behind/.test(m))).toBe(false);
  });
});
