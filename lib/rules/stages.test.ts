import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as engine from '@/lib/engine';
import { PRACTICES, practiceLabels, stageSpec, STAGES } from './stages';

describe('the one stage table', () => {
  it('is the table the engine judges stages with', () => {
    expect(engine.STAGES).toBe(STAGES);
    expect(engine.PRACTICES).toBe(PRACTICES);
    expect(STAGES.map((s) => s.stage)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const s of STAGES) expect(stageSpec(s.stage)).toBe(s);
    expect(stageSpec(9)).toBeUndefined();
  });

  it('titles each stage once, as the engine and the lessons do', () => {
    expect(STAGES.map((s) => s.name)).toEqual([
      'Single server',
      'Separate database',
      'Load balancer, horizontal app tier',
      'Replication and sharding',
      'Cache and CDN',
      'Asynchronous processing',
      'Microservices',
      'Web scale',
    ]);
    for (const s of STAGES) expect(s.summary.length, `stage ${s.stage}`).toBeGreaterThan(20);
    expect(practiceLabels(stageSpec(5)!)).toEqual(['a cache in front of reads', 'a CDN for static files']);
  });

  it('is data only: client pages import it without the engine', () => {
    for (const file of ['stages.ts', 'slo.ts', 'regions.ts']) {
      const source = readFileSync(new URL(`./${file}`, import.meta.url), 'utf8');
      const runtime = [...source.matchAll(/^(?:import|export) (?!type )[^;]* from '([^']+)'/gm)].map((m) => m[1]);
      expect(runtime.filter((m) => !m.startsWith('./')), file).toEqual([]);
    }
  });
});
