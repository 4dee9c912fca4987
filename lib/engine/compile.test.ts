import { describe, expect, it } from 'vitest';
import { readParams } from './compile';
import type { NodeParams } from './types';

// Every key of NodeParams, as the type requires (a missing or extra key fails the type check).
const KEYS = Object.keys({
  instances: 0,
  size: 0,
  cores: 0,
  serviceMs: 0,
  hitRatio: 0,
  latencyMs: 0,
  availability: 0,
  hourlyUsd: 0,
  shards: 0,
  shardSkew: 0,
  standby: 0,
  applyFactor: 0,
  replicationFactor: 0,
  limitRps: 0,
  autoscale: 0,
  stateless: 0,
  region: 0,
  maxStorageGB: 0,
  algorithm: 0,
  routing: 0,
  technology: 0,
  consistency: 0,
  partitions: 0,
  retentionHours: 0,
  fifo: 0,
  batchSize: 0,
  queueType: 0,
} satisfies Record<keyof Required<NodeParams>, 0>) as (keyof NodeParams)[];

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
