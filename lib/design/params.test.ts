import { describe, expect, it } from 'vitest';
import { CATALOG } from '../engine/data';
import { PARAM_META } from '../editor/param-meta';
import { KINDS } from './kinds';
import { KIND_PARAMS, PARAM_KEYS, PARAMS, type NumberParam, type ParamSpec } from './params';
import { nodeParamsSchema } from './schema';

/** Every number the registry bounds, with the path the schema names it by and a params object holding `value` there. */
function numbers(): { path: string; spec: NumberParam; doc: (value: number) => unknown }[] {
  const out: { path: string; spec: NumberParam; doc: (value: number) => unknown }[] = [];
  for (const key of PARAM_KEYS) {
    const spec: ParamSpec = PARAMS[key];
    if (spec.type === 'number') out.push({ path: key, spec, doc: (v) => ({ [key]: v }) });
    if (spec.type === 'group') {
      for (const f of spec.fields) {
        const base = key === 'autoscale' ? { min: 1, max: 100_000, target: 0.5 } : {};
        out.push({ path: `${key}.${f.key}`, spec: f, doc: (v) => ({ [key]: { ...base, [f.key]: v } }) });
      }
    }
  }
  return out;
}

function firstMessage(doc: unknown): string | null {
  const r = nodeParamsSchema.safeParse(doc);
  return r.success ? null : r.error.issues[0].message;
}

describe('the parameter registry (one entry per param)', () => {
  it('has an entry for every schema key, in the schema’s order', () => {
    expect(Object.keys(nodeParamsSchema.shape)).toEqual(PARAM_KEYS);
  });

  it('bounds the schema: each number takes its limits and is refused past them, in words naming the maximum', () => {
    for (const { path, spec, doc } of numbers()) {
      const { min, max, above, maxShown } = spec.valid;
      if (path !== 'autoscale.min') expect(firstMessage(doc(max)), path).toBeNull();
      expect(firstMessage(doc(max * 2 + 1)), path).toContain(`${path} must be `);
      if (!(min === 0 && max === 1)) expect(firstMessage(doc(max * 2 + 1)), path).toContain(`at most ${maxShown ?? max}`);
      if (!above) expect(firstMessage(doc(min)), path).toBeNull();
      expect(firstMessage(doc(above ? min : min - 1)), path).not.toBeNull();
    }
  });

  it('the schema refuses shardSkew above the registry’s maximum', () => {
    expect(firstMessage({ shardSkew: PARAMS.shardSkew.valid.max + 1 })).toBe(`shardSkew must be at most ${PARAMS.shardSkew.valid.max}`);
  });

  it('gives the inspector its label, unit, help and a range inside what a design may hold', () => {
    for (const { path, spec } of numbers()) {
      expect(spec.range.min, path).toBeGreaterThanOrEqual(spec.valid.min);
      expect(spec.range.max, path).toBeLessThanOrEqual(spec.valid.max);
    }
    expect(PARAM_META.shardSkew).toMatchObject({ type: 'number', label: PARAMS.shardSkew.label, min: 0, max: 10, help: PARAMS.shardSkew.help });
    // A help text quoting an engine figure gets the figure, not the placeholder.
    for (const key of PARAM_KEYS) expect(PARAM_META[key].help, key).not.toMatch(/\{\w+\}/);
  });

  it('is the list of params each kind takes that the engine’s catalog reads', () => {
    for (const kind of KINDS) expect(CATALOG[kind].params, kind).toBe(KIND_PARAMS[kind]);
  });
});
