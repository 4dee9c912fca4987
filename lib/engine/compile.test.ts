import { describe, expect, it } from 'vitest';
import { readParams } from './compile';
import { PARAM_KEYS } from '../design/params';
import type { NodeParams } from './types';

// Every key of NodeParams: the parameter registry's (lib/design/params.ts checks that it names each one).
const KEYS = PARAM_KEYS;

describe('readParams', () => {
  it('copies every param a node gives and resets the ones the previous node gave', () => {
    const all = Object.fromEntries(KEYS.map((k) => [k, `value of ${k}`])) as unknown as NodeParams;
    expect({ ...readParams(all) }).toEqual(all);
    for (const key of KEYS) {
      const one = readParams({ [key]: `only ${key}` } as unknown as NodeParams);
      expect(Object.entries(one).filter(([, v]) => v !== undefined)).toEqual([[key, `only ${key}`]]);
    }
    expect(Object.values(readParams(undefined)).every((v) => v === undefined)).toBe(true);
  });
});
