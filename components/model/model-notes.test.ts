import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CALIBRATION } from '@/lib/engine';
import { AUDIENCE, NETWORK, STAGES, WORKLOAD_DEFAULTS } from '@/lib/engine/data';
import { readModelReference, referenceSections } from './model-notes';

describe('docs/model.md, the model reference the page renders', () => {
  const text = readModelReference();
  const sections = referenceSections(text);

  it('splits into the sections the page shows', () => {
    const titles = sections.map((s) => s.title);
    for (const t of ['1. Workload', '5. Availability', '7. Stages and objectives', '12. Calibration against published figures', '13. Known limits']) {
      expect(titles).toContain(t);
    }
  });

  it('documents every workload field, NETWORK figure and calibration row the engine has', () => {
    for (const field of Object.keys(WORKLOAD_DEFAULTS)) expect(text, field).toContain(`\`${field}\``);
    for (const field of Object.keys(NETWORK)) {
      if (field === 'defaultRegion' || field === 'timeoutMs') continue;
      expect(text, field).toContain(field === 'insideRegionMs' || field === 'acrossRegionsMs' || field === 'cdnToOriginMs' ? `NETWORK.${field}` : `\`${field}\``);
    }
    for (const b of AUDIENCE.global.value) expect(text).toContain(`${b.rttMs} ms`);
    expect(CALIBRATION.length).toBeGreaterThan(30);
  });

  it('quotes each stage objective as the engine holds it', () => {
    for (const s of STAGES) {
      const row = text.split('\n').find((l) => l.startsWith(`| ${s.stage} | ${s.name} |`));
      expect(row, `stage ${s.stage}`).toBeDefined();
      expect(row).toContain(`${s.p95ReadMs} ms`);
      if (s.p95WriteMs !== null) expect(row).toContain(`| ${s.p95WriteMs} ms |`);
      if (s.userStaticP95Ms !== null) expect(row).toContain(`${s.userStaticP95Ms} ms`);
      expect(row).toContain(s.audience);
    }
  });

  it('leaves MODEL-NOTES.md a pointer to it, so one rule lives in one place', () => {
    const notes = readFileSync(path.join(process.cwd(), 'lib/engine/MODEL-NOTES.md'), 'utf8');
    expect(notes).toContain('docs/model.md');
    expect(notes.split('\n').length).toBeLessThan(30);
  });
});
