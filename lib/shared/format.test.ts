import { describe, expect, it } from 'vitest';
import {
  formatAvailability,
  formatBandwidth,
  formatDateTime,
  formatDowntime,
  formatDuration,
  formatFraction,
  formatGB,
  formatInteger,
  formatMs,
  formatNines,
  formatNumber,
  formatPercent,
  formatPrice,
  formatRps,
  formatShare,
  formatUsd,
  formatUsdPerMonth,
  formatWholeUsd,
  formatUsers,
  formatUtilization,
  ninesOf,
  signed,
} from './format';

/** Input → exact text, for every formatter: the one place that says how a number reads. */
const TABLE: Record<string, [(x: number) => string, [number, string][]]> = {
  formatInteger: [
    formatInteger,
    [
      [0, '0'], [-0, '0'], [NaN, '—'], [Infinity, '—'], [-Infinity, '—'],
      [1234567.4, '1,234,567'], [999.49, '999'], [999.5, '1,000'], [-1500, '−1,500'], [-0.4, '0'],
      [1e21, '1,000,000,000,000,000,000,000'],
    ],
  ],
  formatNumber: [
    (x) => formatNumber(x),
    [
      [0, '0'], [NaN, '—'], [Infinity, '—'],
      [0.123456, '0.123'], [42.37, '42.4'], [-3.14159, '−3.14'], [999.4, '999'], [999.95, '1,000'], [12345.6, '12,346'],
    ],
  ],
  formatUsers: [
    formatUsers,
    [
      [0, '0'], [-0, '0'], [NaN, '—'], [Infinity, '—'], [-Infinity, '—'],
      [950, '950'], [999.4, '999'], [999.6, '1K'], [1000, '1K'], [1500, '1.5K'], [9949, '9.9K'], [9950, '10K'],
      [12_345, '12K'], [671_098, '671K'], [999_499, '999K'], [999_500, '1M'], [999_950, '1M'], [2_345_678, '2.3M'],
      [100e6, '100M'], [1e9, '1B'], [2.5e12, '2,500B'], [-2500, '−2.5K'],
    ],
  ],
  formatRps: [
    formatRps,
    [
      [0, '0 req/s'], [NaN, '—'], [Infinity, '—'], [-Infinity, '—'],
      [0.0042, '0.0042 req/s'], [0.05, '0.1 req/s'], [1.7, '1.7 req/s'], [2, '2 req/s'], [9.94, '9.9 req/s'], [9.96, '10 req/s'],
      [5787.4, '5,787 req/s'], [57_870, '57,870 req/s'], [99_999.4, '99,999 req/s'], [99_999.6, '100K req/s'], [173_611, '174K req/s'], [999_999.6, '1M req/s'], [1_234_567, '1.2M req/s'], [-12, '−12 req/s'],
    ],
  ],
  formatMs: [
    formatMs,
    [
      [0, '0 ms'], [NaN, '—'], [Infinity, '—'], [-Infinity, '—'],
      [0.004, '< 0.01 ms'], [0.52, '0.52 ms'], [0.84, '0.84 ms'], [0.996, '1.0 ms'], [1, '1.0 ms'], [57.71, '57.7 ms'],
      [99.94, '99.9 ms'], [99.96, '100 ms'], [1240, '1,240 ms'], [9999.4, '9,999 ms'], [9999.6, '10.0 s'], [10_044, '10.0 s'],
      [123_456, '123.5 s'], [-5, '−5.0 ms'],
    ],
  ],
  formatDuration: [
    formatDuration,
    [
      [0, '0 s'], [NaN, '—'], [Infinity, '—'],
      [45, '45 s'], [89.4, '89 s'], [89.6, '90 s'], [720, '12 min'], [5369, '89 min'], [5400, '1.5 h'], [9000, '2.5 h'],
      [3.6e7, '10,000.0 h'], [-30, '−30 s'],
    ],
  ],
  'formatPercent (0 decimals)': [
    (x) => formatPercent(x),
    [
      [0, '0%'], [NaN, '—'], [Infinity, '—'],
      [0.734, '73%'], [0.995, '100%'], [42.92, '4,292%'], [-0.004, '0%'], [-0.006, '−1%'],
    ],
  ],
  'formatPercent (3 decimals)': [(x) => formatPercent(x, 3), [[0.9959, '99.590%'], [0.99999949, '100.000%'], [0, '0.000%']]],
  formatFraction: [
    (x) => formatFraction(x),
    [
      [0, '0%'], [NaN, '—'], [Infinity, '—'],
      [0.0123, '1.23%'], [0.5, '50%'], [0.00004, '< 0.01%'], [-0.00004, '> −0.01%'], [0.00005, '0.01%'],
      [0.099949, '10%'], [0.0994, '9.94%'], [-0.02, '−2%'], [1, '100%'],
    ],
  ],
  'formatFraction (0 decimals)': [(x) => formatFraction(x, 0), [[0.004, '< 1%'], [0.62, '62%']]],
  formatUtilization: [
    formatUtilization,
    [
      [0, '0%'], [NaN, '—'], [Infinity, '—'],
      [0.734, '73%'], [0.005, '1%'], [0.995, '100%'], [1.42, '142%'], [42.92, '4,292%'], [-0.1, '−10%'],
    ],
  ],
  formatShare: [
    formatShare,
    [
      [0, '0%'], [NaN, '—'], [Infinity, '—'],
      [0.62, '62%'], [0.996, '99%'], [0.002, '< 1%'], [0.005, '1%'], [1, '100%'], [1.2, '100%'], [-1, '0%'],
    ],
  ],
  formatAvailability: [
    formatAvailability,
    [
      [0, '0%'], [NaN, '—'], [Infinity, '—'], [-Infinity, '—'],
      [0.99847, '99.847%'], [0.995, '99.5%'], [0.9995, '99.95%'], [0.999, '99.9%'], [0.99, '99%'], [0.9, '90%'],
      [0.9999, '99.99%'], [0.99949, '99.949%'], [0.999999, '99.9999%'], [0.9999999, '99.9999%'], [0.123456, '12.3%'],
      [1, '100%'], [1.5, '100%'], [-0.2, '0%'],
    ],
  ],
  formatNines: [
    formatNines,
    [
      [NaN, '—'], [0, '0 nines'], [0.5, '0.3 nines'], [0.9, '1 nine'], [0.999, '3 nines'], [0.9995, '3.3 nines'],
      [1, 'no downtime'], [Infinity, 'no downtime'],
    ],
  ],
  formatDowntime: [
    formatDowntime,
    [
      [NaN, '—'], [0, '30.4 days'], [0.9, '3 days'], [0.99, '7.3 h'], [0.99863, '60 min'], [0.999, '44 min'],
      [0.99977, '10 min'], [0.99999, '26 s'], [0.9999999, '< 1 s'], [1, 'none'], [Infinity, 'none'],
    ],
  ],
  formatUsd: [
    formatUsd,
    [
      [0, '$0'], [NaN, '—'], [Infinity, '—'], [-Infinity, '—'],
      [0.00001, '$0.00001'], [0.0042, '$0.0042'], [0.42, '$0.42'], [3, '$3'], [9.6, '$9.60'], [9.994, '$9.99'], [9.996, '$10'],
      [96.4, '$96'], [1218.4, '$1,218'], [999_999.4, '$999,999'], [999_999.6, '$1M'], [2_400_000, '$2.4M'],
      [24_000_000, '$24M'], [24_500_000, '$25M'], [1.5e9, '$1.5B'], [-1218, '−$1,218'], [-0.001, '−$0.001'],
    ],
  ],
  formatBandwidth: [formatBandwidth, [[0, '0 MB/s (0 Gbit/s)'], [NaN, '—'], [20.7, '20.7 MB/s (0.166 Gbit/s)'], [999.4, '999 MB/s (8 Gbit/s)'], [1200, '1.2 GB/s (9.6 Gbit/s)'], [125_000, '125 GB/s (1,000 Gbit/s)']]],
  formatPrice: [formatPrice, [[0, '$0'], [NaN, '—'], [0.0416, '$0.0416'], [0.00012345, '$0.000123'], [0.9996, '$1.00'], [1.5, '$1.50'], [99.994, '$99.99'], [99.996, '$100'], [1234567.4, '$1,234,567'], [-0.5, '−$0.5']]],
  formatWholeUsd: [formatWholeUsd, [[0, '$0'], [NaN, '—'], [3.4, '$3'], [1234567.4, '$1,234,567'], [-1500, '−$1,500']]],
  formatUsdPerMonth: [formatUsdPerMonth, [[1234, '$1,234/mo'], [0, '$0/mo'], [NaN, '—']]],
  formatGB: [
    formatGB,
    [
      [0, '0 GB'], [NaN, '—'], [Infinity, '—'],
      [0.04, '40 MB'], [0.5, '500 MB'], [0.9996, '1 GB'], [9.94, '9.9 GB'], [9.96, '10 GB'], [730, '730 GB'], [999.6, '1 TB'],
      [7300, '7.3 TB'], [12_500, '13 TB'], [999_600, '1 PB'], [1_200_000, '1.2 PB'], [5e9, '5,000 PB'], [-730, '−730 GB'],
    ],
  ],
};

describe('lib/shared/format', () => {
  for (const [name, [format, rows]] of Object.entries(TABLE)) {
    it(`${name} writes each value one way`, () => {
      expect(rows.map(([x]) => [x, format(x)])).toEqual(rows);
    });
  }

  it('ninesOf counts the nines of an availability', () => {
    expect(ninesOf(0.999)).toBeCloseTo(3, 9);
    expect(ninesOf(1)).toBe(Infinity);
    expect(ninesOf(-1)).toBe(0);
  });

  it('formatDateTime writes a moment in the reader\'s locale, and a bad one as a dash', () => {
    const at = Date.UTC(2026, 11, 7, 23, 5);
    const expected = new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
    expect(formatDateTime(at)).toBe(expected);
    expect(formatDateTime(new Date(at).toISOString())).toBe(expected);
    expect(formatDateTime('not a date')).toBe('—');
    expect(formatDateTime(NaN)).toBe('—');
  });

  it('signed puts a plus or a minus sign in front of a difference', () => {
    expect(signed('9,942 ms', 9942)).toBe('+9,942 ms');
    expect(signed('49.86 points', -49.86)).toBe('−49.86 points');
    expect(signed('−49.86 points', -49.86)).toBe('−49.86 points');
    expect(signed('-3 ms', -3)).toBe('−3 ms');
    expect(signed('0 ms', 0)).toBe('0 ms');
  });
});
