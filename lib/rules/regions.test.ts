import { describe, expect, it } from 'vitest';
import { CATALOG, NETWORK, KINDS } from '@/lib/engine/data';
import { DEFAULT_REGION, GLOBAL_KINDS, regionOf } from './regions';

describe('regions, in one place', () => {
  it('agree with the engine’s catalog: its global kinds and its default region', () => {
    expect(KINDS.filter((k) => CATALOG[k].global)).toEqual(KINDS.filter((k) => GLOBAL_KINDS.has(k)));
    expect(DEFAULT_REGION).toBe(NETWORK.defaultRegion.value);
  });

  it('puts a node in its region, the default one when it names none, and a global kind in none', () => {
    expect(regionOf({ kind: 'app-server' })).toBe('region-1');
    expect(regionOf({ kind: 'database', params: { region: 'region-2' } })).toBe('region-2');
    expect(regionOf({ kind: 'cdn', params: { region: 'region-2' } })).toBeNull();
  });
});
