import { describe, expect, it } from 'vitest';
import { createScenarioSchema, type CreateScenarioInput } from '@/lib/classroom/scenarios/schema';
import { formIssue, formIssuesFromZod } from './form-issues';

/** What the form sends: it divides the % fields by 100 and sends NaN for text that is not a number. */
function input(over: { title?: string; slo?: Record<string, number>; workload?: Record<string, number>; users?: number }): CreateScenarioInput {
  return {
    title: over.title ?? 'Scale the bookshop',
    brief: 'Go.',
    config: {
      workload: over.workload ?? {},
      targets: over.users === undefined ? [{ type: 'stage', stage: 3 }] : [{ type: 'users', users: over.users }],
      slo: over.slo ?? {},
      allowedKinds: ['app-server'],
    },
  };
}

function messages(raw: CreateScenarioInput): Record<string, string> {
  const r = createScenarioSchema.safeParse(raw);
  if (r.success) throw new Error('expected the input to be refused');
  return Object.fromEntries(formIssuesFromZod(r.error.issues).map((i) => [i.path, i.message]));
}

describe('the teach form’s error messages', () => {
  it('name each field as the form labels it, in the units typed, without internal paths', () => {
    // Availability 150 %, p95 -5 ms, budget 1e30 $, static share 150 %, reads "abc", empty title.
    const m = messages(
      input({
        title: '',
        slo: { availability: 150 / 100, p95ReadMs: -5, budgetUsd: 1e30 },
        workload: { staticShare: 150 / 100, readRatio: Number('abc') / 100 },
      }),
    );
    expect(m).toEqual({
      title: 'Title must not be empty',
      'config.slo.availability': 'Availability must be below 100%',
      'config.slo.p95ReadMs': 'p95 read latency must be above 0 ms',
      'config.slo.budgetUsd': 'Monthly budget must be at most $1,000,000,000',
      'config.workload.staticShare': 'Static share of requests must be between 0% and 100%',
      'config.workload.readRatio': 'Reads among dynamic requests must be a number',
    });
    for (const text of Object.values(m)) expect(text).not.toMatch(/config\.|staticShare|readRatio|p95ReadMs|budgetUsd|\b0\.999\b/);
  });

  it('give the lower bounds in the form’s units too', () => {
    const m = messages(input({ slo: { availability: 0 }, workload: { peakFactor: 0.5, jobServiceMs: -1, asyncShare: -0.1 } }));
    expect(m).toEqual({
      'config.slo.availability': 'Availability must be above 0%',
      'config.workload.peakFactor': 'Peak hour ÷ daily average must be at least 1',
      'config.workload.jobServiceMs': 'Background job time must be at least 0 ms',
      'config.workload.asyncShare': 'Writes that start a background job must be between 0% and 100%',
    });
  });

  it('name a users target by its place in the list', () => {
    expect(messages(input({ users: 2.5 }))).toEqual({ 'config.targets[0].users': 'Daily users of target 1 must be a whole number' });
    expect(messages(input({ users: NaN }))).toEqual({ 'config.targets[0].users': 'Daily users of target 1 must be a number' });
  });

  it('reword an API issue to lead with the form’s label', () => {
    expect(formIssue({ path: 'brief', message: 'brief must not be empty' })).toEqual({ path: 'brief', message: 'Brief must not be empty' });
    expect(formIssue({ path: 'config.startingDesign.nodes[2].kind', message: '"cache" is not an allowed kind; allow it or lock node "c"' })).toEqual({
      path: 'config.startingDesign.nodes[2].kind',
      message: 'Starting design: "cache" is not an allowed kind; allow it or lock node "c"',
    });
  });
});
