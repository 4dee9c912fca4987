import 'server-only';
import { createScenario, findScenario, joinScenario, submitDesign } from './repository';
import { SAMPLE_SCENARIOS } from './sample-definitions';
import { createScenarioSchema } from './schema';

export interface SampleSummary {
  slug: string;
  title: string;
  summary: string;
}

export function sampleSummaries(): SampleSummary[] {
  return SAMPLE_SCENARIOS.map((s) => ({
    slug: s.slug,
    title: s.scenario.title.replace(/^Sample:\s*/, ''),
    summary: s.summary,
  }));
}

/**
 * A personal copy of a sample, with its demo submissions graded, so a new
 * instructor can explore a dashboard that is not empty. Null when `slug` is
 * not a sample.
 */
export async function copySampleScenario(slug: string): Promise<{ slug: string; manageKey: string } | null> {
  const sample = SAMPLE_SCENARIOS.find((s) => s.slug === slug);
  if (!sample) return null;
  const input = createScenarioSchema.parse(sample.scenario);
  const created = await createScenario(input);
  const rec = await findScenario(created.slug);
  if (!rec) throw new Error('a scenario just created cannot be found');
  for (const demo of sample.demoSubmissions) {
    const { student } = await joinScenario(rec, demo.displayName);
    await submitDesign(rec, student, demo.design);
  }
  return created;
}
