import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { resolveTargets } from '@/lib/classroom/scenarios/schema';
import { ScenarioFacts } from './scenario-facts';

describe('a scenario’s facts for students', () => {
  it('list the objectives model version 2 adds to a stage: write p95, a static file as users see it, a flash crowd', () => {
    const targets = resolveTargets({ targets: [{ type: 'stage', stage: 8 }], slo: {} });
    const html = renderToStaticMarkup(
      createElement(ScenarioFacts, {
        scenario: { targets, workload: {}, allowedKinds: [], lockedNodeIds: [], startingDesign: null, scoreVisibility: 'score' } as never,
      }),
    );
    const text = html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('also holds: p95 write ≤ 200 ms; a static file as users see it (p95, users worldwide) ≤ 400 ms; in a flash crowd at most 1% errors for ordinary users.');
  });

  it('say nothing more for a stage without them', () => {
    const targets = resolveTargets({ targets: [{ type: 'stage', stage: 3 }], slo: {} });
    const html = renderToStaticMarkup(
      createElement(ScenarioFacts, {
        scenario: { targets, workload: {}, allowedKinds: [], lockedNodeIds: [], startingDesign: null, scoreVisibility: 'score' } as never,
      }),
    );
    expect(html).not.toContain('also holds');
  });
});
